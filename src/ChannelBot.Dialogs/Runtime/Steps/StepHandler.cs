namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>Asks one kind of question and makes sense of the answer.</summary>
internal abstract class StepHandler
{
    /// <summary>Writes the question (the retry wording when <paramref name="retry"/>).</summary>
    public abstract void Prompt(Turn turn, IntakeContext intake, StepRef step, bool retry);

    /// <summary>Reads the resident's message as an answer to the step and records it in the draft.</summary>
    public abstract StepOutcome Handle(Turn turn, IntakeContext intake, StepRef step);

    /// <summary>
    /// After the last answer the bot could not understand: settles an optional question without an answer, so the
    /// report goes on without it, and returns true. A required question returns false: the intake ends as before.
    /// </summary>
    public virtual bool SkipUnanswered(Turn turn, IntakeContext intake, StepRef step) => false;

    /// <summary>
    /// Settles the step without asking, when the resident already said the answer (a place or an option named in the
    /// first description, a photo sent with it) or when the channel counts every message (SMS) and the step is an
    /// optional one not marked worth a message (<see cref="StepRef.AskBySms"/>): then it is left unanswered. Returns
    /// true when settled. Never while the resident is changing an answer from the summary.
    /// </summary>
    public virtual bool Settle(Turn turn, IntakeContext intake, StepRef step) =>
        turn.Profile.ShortText && !step.AskBySms && IsOptional(intake, step) && SkipUnanswered(turn, intake, step);

    /// <summary>
    /// Whether answers the bot cannot understand end in <see cref="SkipUnanswered"/> (the report goes on) rather than the
    /// intake's end: only a question that cannot go unanswered is worth a person's help (live handoff).
    /// </summary>
    public virtual bool GoesUnansweredAfterTries(Turn turn, IntakeContext intake, StepRef step) => IsOptional(intake, step);

    /// <summary>Whether the resident may leave the step unanswered.</summary>
    protected virtual bool IsOptional(IntakeContext intake, StepRef step) =>
        step.Attribute is { } attribute ? !attribute.Required : !step.Flow.Required;

    /// <summary>The Yes and No choices of a yes/no question.</summary>
    internal static List<Rendering.Choice> YesNo(Turn turn) =>
        [new("yes", turn.T("choice.yes")), new("no", turn.T("choice.no"))];

    /// <summary>Adds "reply SKIP to skip" (or a Skip button) to a question that may be skipped.</summary>
    protected static void AskWithSkip(Turn turn, string question, bool skippable, IReadOnlyList<Rendering.Choice>? choices = null)
    {
        if (!skippable)
        {
            turn.Ask(question, choices);
            return;
        }

        if (choices is { Count: > 0 })
        {
            var withSkip = choices.Append(new Rendering.Choice(SkipKey, turn.T("choice.skip"))).ToList();
            turn.Ask(question, withSkip);
            return;
        }

        if (turn.Profile.MaxButtons > 0)
        {
            turn.Ask(question, [new Rendering.Choice(SkipKey, turn.T("choice.skip"))]);
            return;
        }

        turn.Ask(question + " " + turn.T("prompt.skipHint"));
    }

    /// <summary>
    /// True when the resident asks to skip: the word, the Skip button, or the Skip line's number when the choices
    /// were listed with numbers (<paramref name="listed"/> choices before it).
    /// </summary>
    protected static bool IsSkip(Turn turn, int listed = 0) =>
        turn.Is(turn.Phrases.Skip)
        || turn.Is(turn.Phrases.No)
        || string.Equals(turn.Text, turn.T("choice.skip"), StringComparison.OrdinalIgnoreCase)
        || (listed > 0 && turn.Text == (listed + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public const string SkipKey = "__skip";
}
