namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>What a step made of the resident's message.</summary>
internal enum StepOutcome
{
    /// <summary>Answered (or skipped): move on to the next question.</summary>
    Answered,

    /// <summary>Not a valid answer: count an attempt and ask again.</summary>
    Invalid,

    /// <summary>The step asked a follow-up itself (e.g. "did you mean"): wait without counting an attempt.</summary>
    Waiting,

    /// <summary>The summary wants an answer changed: the step has reopened it; ask the next open question.</summary>
    Reopened,

    /// <summary>The resident confirmed the summary: submit the case.</summary>
    Submit,

    /// <summary>The resident chose to cancel from the summary.</summary>
    Cancel,
}
