using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Runtime.Handoff;
using ChannelBot.Dialogs.Runtime.Steps;
using ChannelBot.Dialogs.Runtime.Versioning;
using ChannelBot.Dialogs.State;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// Runs the intake dialog: starts it, feeds each message to the open question, moves to the next open
/// question, enforces the attempt limit, and turns a confirmed summary into a <see cref="SubmitCase"/> effect.
/// </summary>
internal sealed partial class IntakeRunner
{
    /// <summary>Starts an intake and asks what the resident wants to report.</summary>
    public void Offer(Turn turn)
    {
        var intake = Start(turn);
        Advance(turn, intake);
    }

    /// <summary>Starts an intake with the resident's first message as the answer to the first question.</summary>
    public void StartWith(Turn turn)
    {
        var intake = Start(turn);
        PhotosStep.Collect(turn.Activity, intake.Draft, PhotoLimit(turn));
        var first = IntakePlan.Next(Plan(turn, intake), intake.Draft);
        intake.Frame.Step = first.Id;
        intake.Frame.StepFingerprint = turn.Resources.Fingerprints.For(first, intake.Draft.ServiceCode);
        var outcome = turn.Text.Length == 0 ? StepOutcome.Invalid : StepHandlers.For(first).Handle(turn, intake, first);
        if (outcome == StepOutcome.Invalid)
        {
            // Not an attempt yet: the resident has not been asked anything.
            StepHandlers.For(first).Prompt(turn, intake, first, retry: false);
            return;
        }

        Conclude(turn, intake, first, outcome);
    }

    /// <summary>Reads the message as the answer to the intake's open question.</summary>
    public void Continue(Turn turn, DialogFrame frame)
    {
        var intake = new IntakeContext(frame, turn.Definitions);
        if (intake.Draft.NearbyOffer is { } offer)
        {
            AnswerNearby(turn, intake, offer);
            return;
        }

        var plan = Plan(turn, intake);
        var current = IntakePlan.Find(plan, frame.Step);
        if (current is null)
        {
            Advance(turn, intake);
            return;
        }

        if (current.Flow.Kind != FlowStepKind.Photos && PhotosStep.Collect(turn.Activity, intake.Draft, PhotoLimit(turn)) > 0 && turn.Text.Length == 0)
        {
            turn.Say(turn.T("photo.kept"));
            StepHandlers.For(current).Prompt(turn, intake, current, retry: false);
            return;
        }

        Conclude(turn, intake, current, StepHandlers.For(current).Handle(turn, intake, current));
    }

    /// <summary>Asks the open question again (after help, a status answer, an emergency warning...).</summary>
    public void Reprompt(Turn turn)
    {
        var top = turn.State.Top;
        if (top?.Dialog == DialogFrame.TicketLookupDialog)
        {
            turn.Ask(turn.T("status.askTicket"));
            return;
        }

        if (turn.State.Intake is not { } frame)
        {
            return;
        }

        var intake = new IntakeContext(frame, turn.Definitions);
        if (intake.Draft.NearbyOffer is { } offer)
        {
            NearbyReports.Ask(turn, offer);
            return;
        }

        var current = IntakePlan.Find(Plan(turn, intake), frame.Step);
        if (current is null || intake.Draft.DefinitionsChanged)
        {
            Advance(turn, intake);
            return;
        }

        StepHandlers.For(current).Prompt(turn, intake, current, retry: false);
    }

    /// <summary>
    /// After the dialog files changed: drops answers that no longer fit. When the resident has to answer something
    /// again (or the open question itself changed), marks the intake so that the next question says so. Says
    /// nothing itself: an interrupt in the same message (cancel, help, status...) is still honoured.
    /// </summary>
    /// <returns>True when the resident must be told and the intake resumed with <see cref="ResumeAfterChange"/>.</returns>
    public bool Revalidate(Turn turn, DialogFrame frame)
    {
        var intake = new IntakeContext(frame, turn.Definitions);
        var dropped = DraftRevalidator.Revalidate(turn.Definitions, intake.Draft);
        var plan = Plan(turn, intake);
        var current = IntakePlan.Find(plan, frame.Step);
        var next = IntakePlan.Next(plan, intake.Draft);
        var questionChanged = current is null
            || turn.Resources.Fingerprints.For(current, intake.Draft.ServiceCode) != frame.StepFingerprint;
        var mustGoBack = current is not null && plan.IndexOf(next) < plan.IndexOf(current);
        if (!dropped && !questionChanged && !mustGoBack)
        {
            return false;
        }

        intake.Draft.DefinitionsChanged = true;
        if (questionChanged)
        {
            // The resident never saw this wording: whatever they send now is not an answer to it.
            frame.Step = null;
            frame.StepFingerprint = null;
        }

        return true;
    }

    /// <summary>
    /// Goes on after <see cref="Revalidate"/>: the message still answers the open question when that question is
    /// unchanged (the resident's words are not thrown away), then the first question that no longer has an answer
    /// is asked, with a word about the change.
    /// </summary>
    public void ResumeAfterChange(Turn turn, DialogFrame frame)
    {
        var intake = new IntakeContext(frame, turn.Definitions);
        var current = IntakePlan.Find(Plan(turn, intake), frame.Step);
        if (current is not null && current.Flow.Kind != FlowStepKind.Photos)
        {
            PhotosStep.Collect(turn.Activity, intake.Draft, PhotoLimit(turn));
        }

        if (current is not null && TakesAnswerAfterChange(current.Flow.Kind) && !intake.Draft.Done.Contains(current.Id)
            && StepHandlers.For(current).Handle(turn, intake, current) == StepOutcome.Answered)
        {
            intake.Draft.Done.Add(current.Id);
        }

        Advance(turn, intake);
    }

    public string? CurrentStepId(Turn turn)
    {
        var step = turn.State.Intake?.Step;
        return step is not null && step.StartsWith(StepRef.AttributePrefix, StringComparison.Ordinal) ? "attributes" : step;
    }

    private static IntakeContext Start(Turn turn)
    {
        var frame = new DialogFrame { Dialog = DialogFrame.IntakeDialog, Draft = new IntakeDraft() };
        turn.State.Stack.RemoveAll(f => f.Dialog == DialogFrame.IntakeDialog);
        turn.State.Stack.Insert(0, frame);
        return new IntakeContext(frame, turn.Definitions);
    }

    private void Conclude(Turn turn, IntakeContext intake, StepRef step, StepOutcome outcome)
    {
        switch (outcome)
        {
            case StepOutcome.Answered:
                intake.Draft.Done.Add(step.Id);
                Advance(turn, intake);
                break;
            case StepOutcome.Reopened:
                Advance(turn, intake);
                break;
            case StepOutcome.Waiting:
                intake.Frame.Attempts = 0;
                break;
            case StepOutcome.Invalid:
                intake.Frame.Attempts++;
                var limit = step.Flow.MaxAttempts ?? turn.Definitions.Intake.MaxAttempts;
                if (intake.Frame.Attempts == turn.Definitions.Intake.HandoffAfterAttempts && intake.Frame.Attempts < limit
                    && !StepHandlers.For(step).GoesUnansweredAfterTries(turn, intake, step)
                    && HandoffRunner.TryJoin(turn, HandoffWait.Struggling))
                {
                    // An operator picks it up from here; "return to bot" asks this question again, with fresh tries.
                    intake.Frame.Attempts = 0;
                    return;
                }

                if (intake.Frame.Attempts >= limit && StepHandlers.For(step).SkipUnanswered(turn, intake, step))
                {
                    turn.Say(turn.T(StringKeys.QuestionSkipped));
                    intake.Draft.Done.Add(step.Id);
                    Advance(turn, intake);
                    return;
                }

                if (intake.Frame.Attempts >= limit)
                {
                    turn.State.Stack.Clear();
                    turn.Say(turn.T(StringKeys.AttemptsExhausted));
                    return;
                }

                StepHandlers.For(step).Prompt(turn, intake, step, retry: true);
                break;
            case StepOutcome.Submit:
                turn.State.Pending = PendingEffect.SubmitCase;
                turn.Effect = new SubmitCase(SubmissionBuilder.Build(turn, intake));
                break;
            case StepOutcome.Cancel:
                turn.State.Stack.Clear();
                turn.Say(turn.T(StringKeys.Cancelled));
                break;
        }
    }

    /// <summary>
    /// Steps whose answer is read without asking anything back, so a message can answer them while the intake
    /// moves back to an earlier question (never the summary: the resident must see the new read-back first).
    /// </summary>
    private static bool TakesAnswerAfterChange(FlowStepKind kind) =>
        kind is FlowStepKind.Attributes or FlowStepKind.Description or FlowStepKind.Share or FlowStepKind.Photos or FlowStepKind.Name or FlowStepKind.Consent;

    private void Advance(Turn turn, IntakeContext intake)
    {
        if (intake.Draft.DefinitionsChanged)
        {
            intake.Draft.DefinitionsChanged = false;
            turn.Say(turn.T("definitions.changed"));
        }

        var plan = Plan(turn, intake);
        var next = IntakePlan.Next(plan, intake.Draft);

        // What the resident already said (or what the channel makes not worth a message) is not asked; never while
        // an answer is being changed from the summary. The summary itself is never settled.
        while (!intake.Draft.Reviewing && next.Flow.Kind != FlowStepKind.Summary && StepHandlers.For(next).Settle(turn, intake, next))
        {
            intake.Draft.Done.Add(next.Id);
            next = IntakePlan.Next(plan, intake.Draft);
        }

        intake.Frame.Step = next.Id;
        intake.Frame.StepFingerprint = turn.Resources.Fingerprints.For(next, intake.Draft.ServiceCode);
        intake.Frame.Attempts = 0;
        if (next.Flow.Kind != FlowStepKind.Summary && NearbyReports.Look(turn, intake))
        {
            // The open cases nearby come back in OnNearbyCasesFound, which offers one or asks this question.
            return;
        }

        StepHandlers.For(next).Prompt(turn, intake, next, retry: false);
    }

    private static List<StepRef> Plan(Turn turn, IntakeContext intake) =>
        IntakePlan.Build(turn.Definitions, intake.Draft, turn.Profile);

    private static int PhotoLimit(Turn turn) =>
        turn.Definitions.Intake.Steps.FirstOrDefault(s => s.Kind == FlowStepKind.Photos)?.MaxPhotos ?? PhotosStep.DefaultMaxPhotos;
}
