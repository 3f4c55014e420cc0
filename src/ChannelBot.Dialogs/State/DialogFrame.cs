namespace ChannelBot.Dialogs.State;

/// <summary>One open dialog on the stack and where it stands.</summary>
public sealed class DialogFrame
{
    public const string IntakeDialog = "intake";
    public const string TicketLookupDialog = "ticketLookup";

    public required string Dialog { get; set; }

    /// <summary>The step last prompted (e.g. <c>location</c>, <c>attr:DEPTH</c>), or null before the first prompt.</summary>
    public string? Step { get; set; }

    /// <summary>A fingerprint of the prompted step's definition: if the files change it, the answer is not taken.</summary>
    public string? StepFingerprint { get; set; }

    /// <summary>Invalid answers given at the current step.</summary>
    public int Attempts { get; set; }

    /// <summary>The intake's answers (intake frames only).</summary>
    public IntakeDraft? Draft { get; set; }
}
