using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Runtime.Rendering;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// Consent to updates. Where the channel can reach the resident later (SMS, WhatsApp, Messenger...) it is a
/// yes/no about "here". Where it cannot (web chat), the resident chooses how — text message, WhatsApp or email —
/// and gives the number or address (or types the number or address straight away, or says no). The choice is
/// recorded on the case (<see cref="State.IntakeDraft.UpdateChannel"/>); WhatsApp to a number that never wrote to
/// the city goes as an approved template. Where the channel lets the city write only for 24 hours after the
/// resident's last message (Messenger), a "yes" is followed by an optional mobile number or email for later updates
/// (<see cref="FallbackContact"/>).
/// </summary>
internal sealed class ConsentStep : StepHandler
{
    public const string Sms = "sms";

    public const string WhatsApp = "whatsapp";

    public const string Email = "email";

    private const string NoKey = "no";

    public override void Prompt(Turn turn, IntakeContext intake, StepRef step, bool retry)
    {
        if (turn.Profile.ReachBack && intake.Draft.AskingFallbackContact)
        {
            AskWithSkip(turn, FallbackContact.Question(turn, step, retry), skippable: true);
            return;
        }

        if (turn.Profile.ReachBack)
        {
            var key = StringKeys.Step(step.Id, retry ? "retry" : "prompt");
            turn.Ask(turn.T(key), YesNo(turn));
            return;
        }

        if (AwaitingContact(intake.Draft) is { } chosen)
        {
            var ask = chosen == Email ? (retry ? "retryEmail" : "askEmail") : (retry ? "retryPhone" : "askPhone");
            turn.Ask(turn.T(StringKeys.Step(step.Id, ask)), [new(NoKey, turn.T("choice.noUpdates"))]);
            return;
        }

        var contactKey = StringKeys.Step(step.Id, retry ? "retryContact" : "promptContact");
        turn.Ask(turn.T(contactKey), Channels(turn));
    }

    public override StepOutcome Handle(Turn turn, IntakeContext intake, StepRef step)
    {
        var draft = intake.Draft;
        if (turn.Profile.ReachBack)
        {
            return HandleHere(turn, intake, step);
        }

        var email = ContactRecognizer.FindEmail(turn.Text);
        var phone = email is null ? ContactRecognizer.FindPhoneE164(turn.Text) : null;
        if (email is not null || phone is not null)
        {
            draft.Email = email;
            draft.Phone = phone;
            draft.UpdateChannel = email is not null ? Email : AwaitingContact(draft) == WhatsApp ? WhatsApp : Sms;
            draft.ConsentToUpdates = true;
            return StepOutcome.Answered;
        }

        if (turn.YesOrNo() == false || IsSkip(turn) || string.Equals(turn.Text, turn.T("choice.noUpdates"), StringComparison.OrdinalIgnoreCase))
        {
            DeclineUpdates(draft);
            return StepOutcome.Answered;
        }

        var options = Channels(turn).Select(c => new ChoiceOption(c.Key, c.Title, c.Synonyms)).ToList();
        var pick = ChoiceRecognizer.RecognizeOne(turn.Text, options, turn.Language);
        if (AwaitingContact(draft) is null && pick is { Key: Sms or WhatsApp or Email })
        {
            // A channel chosen: ask for the number or the address, without counting an attempt.
            draft.UpdateChannel = pick.Key;
            draft.ConsentToUpdates = null;
            Prompt(turn, intake, step, retry: false);
            return StepOutcome.Waiting;
        }

        return StepOutcome.Invalid;
    }

    /// <summary>
    /// The optional parts only: Messenger's number or email for later (updates stay on Messenger), or, after a
    /// channel was chosen in web chat, the number or address that never came (the report goes without updates).
    /// The first question, whether to send updates at all, is not skipped.
    /// </summary>
    public override bool GoesUnansweredAfterTries(Turn turn, IntakeContext intake, StepRef step) =>
        turn.Profile.ReachBack ? intake.Draft.AskingFallbackContact : AwaitingContact(intake.Draft) is not null;

    public override bool SkipUnanswered(Turn turn, IntakeContext intake, StepRef step)
    {
        var draft = intake.Draft;
        if (turn.Profile.ReachBack)
        {
            if (!draft.AskingFallbackContact)
            {
                return false;
            }

            FallbackContact.Clear(draft);
            return true;
        }

        if (AwaitingContact(draft) is null)
        {
            return false;
        }

        DeclineUpdates(draft);
        return true;
    }

    private static void DeclineUpdates(State.IntakeDraft draft)
    {
        draft.ConsentToUpdates = false;
        draft.UpdateChannel = null;
        draft.Email = null;
        draft.Phone = null;
    }

    /// <summary>The yes/no about updates on the resident's own channel, then, where it closes after 24 hours, the number or email for later.</summary>
    private StepOutcome HandleHere(Turn turn, IntakeContext intake, StepRef step)
    {
        var draft = intake.Draft;
        if (draft.AskingFallbackContact)
        {
            return FallbackContact.TryRecord(turn, draft, skipped: IsSkip(turn)) ? StepOutcome.Answered : StepOutcome.Invalid;
        }

        // "Yes, text me at 202-555-0143" answers both questions at once.
        if (turn.Profile.FallbackContact && FallbackContact.TryRecord(turn, draft, skipped: false))
        {
            draft.ConsentToUpdates = true;
            return StepOutcome.Answered;
        }

        var yes = turn.YesOrNo();
        if (yes is null)
        {
            return StepOutcome.Invalid;
        }

        draft.ConsentToUpdates = yes;
        if (!turn.Profile.FallbackContact)
        {
            return StepOutcome.Answered;
        }

        FallbackContact.Clear(draft);
        if (yes == false)
        {
            return StepOutcome.Answered;
        }

        // An optional follow-up: asked without counting an attempt.
        draft.AskingFallbackContact = true;
        Prompt(turn, intake, step, retry: false);
        return StepOutcome.Waiting;
    }

    /// <summary>The channel chosen whose number or address is still to come (the answer is not complete yet).</summary>
    private static string? AwaitingContact(State.IntakeDraft draft) => draft.ConsentToUpdates is null ? draft.UpdateChannel : null;

    private static List<Choice> Channels(Turn turn) =>
    [
        new(Sms, turn.T("choice.updatesSms"), ["sms", "text"]),
        new(WhatsApp, turn.T("choice.updatesWhatsApp")),
        new(Email, turn.T("choice.updatesEmail"), ["email", "e-mail", "correo"]),
        new(NoKey, turn.T("choice.noUpdates")),
    ];
}
