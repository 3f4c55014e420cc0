namespace ChannelBot.Dialogs.Definitions;

/// <summary>Every bot text of one language, by key (<c>dialogs/strings/{lang}.yaml</c>).</summary>
public sealed class StringTable : Dictionary<string, LocalizedString>
{
    public StringTable()
        : base(StringComparer.Ordinal)
    {
    }
}
