namespace ChannelBot.Dialogs.Definitions;

/// <summary>
/// Everything the engine needs, loaded from the top-level <c>dialogs/</c> folder and validated. Immutable once
/// built; <see cref="Version"/> changes whenever any file's content changes.
/// </summary>
public sealed class DialogDefinitions
{
    /// <summary>A short content hash of every dialog file: stamped on conversation state.</summary>
    public required string Version { get; init; }

    public required CityProfile City { get; init; }

    public required ServiceCatalog Catalog { get; init; }

    public required IntakeFlow Intake { get; init; }

    public required InterruptDefinitions Interrupts { get; init; }

    /// <summary>What each channel can show, by channel id; the entry <c>default</c> covers the others.</summary>
    public required IReadOnlyDictionary<string, ChannelProfile> Channels { get; init; }

    /// <summary>Bot text by language (<c>en</c>, <c>es</c>) and key.</summary>
    public required IReadOnlyDictionary<string, StringTable> Strings { get; init; }

    /// <summary>The languages residents can use; the first is the default.</summary>
    public required IReadOnlyList<string> Languages { get; init; }

    public string DefaultLanguage => Languages[0];

    public ChannelProfile ChannelProfileFor(string? channelId) =>
        channelId is not null && Channels.TryGetValue(channelId, out var profile) ? profile : Channels["default"];
}
