namespace ChannelBot.Dialogs.State;

/// <summary>
/// Everything the bot remembers about one conversation between turns: the dialog stack with the intake's
/// answers, the language, and the version of the dialog files it was built with. Serializable with
/// <see cref="DialogStateJson"/>; the engine takes a state in and hands an updated one back.
/// </summary>
public sealed class ConversationState
{
    /// <summary>The <c>Version</c> of the dialog files the stack was built with.</summary>
    public string? DefinitionsVersion { get; set; }

    /// <summary>The resident's language (<c>en</c>, <c>es</c>) once known.</summary>
    public string? Language { get; set; }

    /// <summary>True once the resident picked the language themselves: the activity locale no longer overrides it.</summary>
    public bool LanguageChosen { get; set; }

    public bool Greeted { get; set; }

    /// <summary>Open dialogs, innermost last. Empty when the bot is idle.</summary>
    public List<DialogFrame> Stack { get; set; } = [];

    /// <summary>The effect the engine is waiting on (a case to be created or looked up), if any.</summary>
    public PendingEffect? Pending { get; set; }

    /// <summary>The resident's latest ticket from this conversation, for "status" without a number.</summary>
    public string? LastTicket { get; set; }

    /// <summary>Set when the city asked "is it fixed?" about a report; cleared by the next message.</summary>
    public FeedbackRequest? Feedback { get; set; }

    public DateTimeOffset? LastInboundAt { get; set; }

    /// <summary>Set while the conversation is with a person (<see cref="HandoffWait"/>).</summary>
    public HandoffWait? Handoff { get; set; }

    /// <summary>Forgets everything known about the conversation and the resident (a privacy request: deleteUserData).</summary>
    public void Forget()
    {
        Language = null;
        LanguageChosen = false;
        Greeted = false;
        Stack.Clear();
        Pending = null;
        LastTicket = null;
        Feedback = null;
        LastInboundAt = null;
        Handoff = null;
    }

    public DialogFrame? Top => Stack.Count == 0 ? null : Stack[^1];

    /// <summary>The intake in progress, if any.</summary>
    public DialogFrame? Intake => Stack.FirstOrDefault(f => f.Dialog == DialogFrame.IntakeDialog);
}
