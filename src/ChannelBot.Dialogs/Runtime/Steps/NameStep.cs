namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// The name staff may use. Skippable unless the flow makes it required: reports may be anonymous. It follows the photos,
/// so "done" or "that's all" here ends the photos the resident sent, and is taken as no name.
/// </summary>
internal sealed class NameStep : StepHandler
{
    private const int DefaultMaxLength = 100;

    public override void Prompt(Turn turn, IntakeContext intake, StepRef step, bool retry) =>
        AskWithSkip(turn, turn.T(StringKeys.Step(step.Id, retry ? "retry" : "prompt")), !step.Flow.Required);

    public override StepOutcome Handle(Turn turn, IntakeContext intake, StepRef step)
    {
        // "done", "that's all": a resident finishing the photos they sent, not a name.
        if (!step.Flow.Required && (IsSkip(turn) || turn.Is(turn.Phrases.Done)))
        {
            intake.Draft.Name = null;
            return StepOutcome.Answered;
        }

        var max = step.Flow.MaxLength ?? DefaultMaxLength;
        if (turn.Text.Length == 0 || turn.Text.Length > max || !turn.Text.Any(char.IsLetter))
        {
            return StepOutcome.Invalid;
        }

        intake.Draft.Name = turn.Text;
        return StepOutcome.Answered;
    }

    public override bool SkipUnanswered(Turn turn, IntakeContext intake, StepRef step)
    {
        if (step.Flow.Required)
        {
            return false;
        }

        intake.Draft.Name = null;
        return true;
    }
}
