namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// Whether the resident's description may be shown on the city's public list and map of requests (default no:
/// skipped, unanswered or not asked means no). Asked only when there is a description; by SMS only when the flow
/// marks it askBySms. Names and contact details are never public, whatever the answer.
/// </summary>
internal sealed class ShareStep : StepHandler
{
    public override void Prompt(Turn turn, IntakeContext intake, StepRef step, bool retry) =>
        turn.Ask(turn.T(StringKeys.Step(step.Id, retry ? "retry" : "prompt")), YesNo(turn));

    public override bool Settle(Turn turn, IntakeContext intake, StepRef step)
    {
        var draft = intake.Draft;
        if (string.IsNullOrWhiteSpace(draft.Description) && string.IsNullOrWhiteSpace(draft.InitialText))
        {
            draft.DescriptionPublic = false;
            return true;
        }

        return base.Settle(turn, intake, step);
    }

    public override StepOutcome Handle(Turn turn, IntakeContext intake, StepRef step)
    {
        var answer = turn.YesOrNo();
        if (answer is null && !IsSkip(turn))
        {
            return StepOutcome.Invalid;
        }

        intake.Draft.DescriptionPublic = answer == true;
        return StepOutcome.Answered;
    }

    public override bool SkipUnanswered(Turn turn, IntakeContext intake, StepRef step)
    {
        intake.Draft.DescriptionPublic = false;
        return true;
    }

    /// <summary>Never required: not sharing is the default.</summary>
    protected override bool IsOptional(IntakeContext intake, StepRef step) => true;
}
