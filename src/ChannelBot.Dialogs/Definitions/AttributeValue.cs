namespace ChannelBot.Dialogs.Definitions;

/// <summary>One option of a list attribute: <see cref="Key"/> is what Open311 carries, the name is what residents see.</summary>
public sealed class AttributeValue
{
    public required string Key { get; init; }

    public required LocalizedText Name { get; init; }

    /// <summary>Other words residents use for this option.</summary>
    public LocalizedList Synonyms { get; init; } = [];
}
