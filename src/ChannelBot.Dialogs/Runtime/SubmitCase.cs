namespace ChannelBot.Dialogs.Runtime;

/// <summary>Create a case from the finished intake, then call <see cref="DialogEngine.OnCaseSubmitted"/>.</summary>
public sealed record SubmitCase(IntakeSubmission Submission) : DialogEffect
{
    /// <inheritdoc />
    public override bool WritesCase => true;
}
