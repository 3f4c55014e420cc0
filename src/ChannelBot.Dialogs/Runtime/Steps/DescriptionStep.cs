namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>Free-text details for the crew. Skippable unless the flow makes it required.</summary>
internal sealed class DescriptionStep : StepHandler
{
    private const int DefaultMaxLength = MessageText.MaxLength;

    public override void Prompt(Turn turn, IntakeContext intake, StepRef step, bool retry)
    {
        var key = retry ? "retry" : intake.Draft.InitialText is null ? "prompt" : "promptMore";
        AskWithSkip(turn, turn.T(StringKeys.Step(step.Id, key), ("max", (step.Flow.MaxLength ?? DefaultMaxLength).ToString(turn.Culture))), !step.Flow.Required);
    }

    /// <summary>By SMS, a resident who already described the problem is not asked for more (unless the step is required).</summary>
    public override bool Settle(Turn turn, IntakeContext intake, StepRef step) =>
        (turn.Profile.ShortText && intake.Draft.InitialText is not null && SkipUnanswered(turn, intake, step))
        || base.Settle(turn, intake, step);

    public override StepOutcome Handle(Turn turn, IntakeContext intake, StepRef step)
    {
        if (!step.Flow.Required && IsSkip(turn))
        {
            intake.Draft.Description = null;
            return StepOutcome.Answered;
        }

        var max = step.Flow.MaxLength ?? DefaultMaxLength;
        if (turn.Text.Length == 0 || turn.Text.Length > max)
        {
            return StepOutcome.Invalid;
        }

        intake.Draft.Description = turn.Text;
        return StepOutcome.Answered;
    }

    public override bool SkipUnanswered(Turn turn, IntakeContext intake, StepRef step)
    {
        if (step.Flow.Required)
        {
            return false;
        }

        intake.Draft.Description = null;
        return true;
    }
}
