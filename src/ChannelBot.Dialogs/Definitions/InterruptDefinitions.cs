namespace ChannelBot.Dialogs.Definitions;

/// <summary>
/// Words the bot understands at any step (<c>dialogs/interrupts.yaml</c>). A global word matches when it is the
/// whole message (after lower-casing and dropping punctuation and accents), so "cancel" cancels but "cancel my
/// bulk pickup" is an answer.
/// </summary>
public sealed class InterruptDefinitions
{
    public required LocalizedList Help { get; init; }

    public required LocalizedList Cancel { get; init; }

    public required LocalizedList StartOver { get; init; }

    public required LocalizedList Agent { get; init; }

    /// <summary>Show the list of request types.</summary>
    public required LocalizedList Menu { get; init; }

    /// <summary>Skip an optional step.</summary>
    public required LocalizedList Skip { get; init; }

    /// <summary>Finish a step that takes several answers (photos).</summary>
    public required LocalizedList Done { get; init; }

    public required LocalizedList Yes { get; init; }

    public required LocalizedList No { get; init; }

    /// <summary>Words that introduce a ticket number ("status", "estado").</summary>
    public required LocalizedList Status { get; init; }

    /// <summary>Per language: the words that switch the conversation to it ("español", "english").</summary>
    public required IReadOnlyDictionary<string, List<string>> SwitchLanguage { get; init; }

    public required EmergencyScreen Emergency { get; init; }
}
