using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// Consent to updates. Where the channel can reach the resident later (SMS, WhatsApp, Messenger...) it is a
/// yes/no about "here"; where it cannot (web chat), the resident may give a mobile number or an email instead.
/// </summary>
internal sealed class ConsentStep : StepHandler
{
    public override void Prompt(Turn turn, IntakeContext intake, StepRef step, bool retry)
    {
        if (turn.Profile.ReachBack)
        {
            var key = StringKeys.Step(step.Id, retry ? "retry" : "prompt");
            turn.Ask(turn.T(key), [new("yes", turn.T("choice.yes")), new("no", turn.T("choice.no"))]);
            return;
        }

        var contactKey = StringKeys.Step(step.Id, retry ? "retryContact" : "promptContact");
        turn.Ask(turn.T(contactKey), [new("no", turn.T("choice.noUpdates"))]);
    }

    public override StepOutcome Handle(Turn turn, IntakeContext intake, StepRef step)
    {
        var draft = intake.Draft;
        if (turn.Profile.ReachBack)
        {
            var yes = turn.YesOrNo();
            if (yes is null)
            {
                return StepOutcome.Invalid;
            }

            draft.ConsentToUpdates = yes;
            return StepOutcome.Answered;
        }

        var email = ContactRecognizer.FindEmail(turn.Text);
        var phone = email is null ? ContactRecognizer.FindPhoneE164(turn.Text) : null;
        if (email is not null || phone is not null)
        {
            draft.Email = email;
            draft.Phone = phone;
            draft.ConsentToUpdates = true;
            return StepOutcome.Answered;
        }

        if (turn.YesOrNo() == false || IsSkip(turn) || string.Equals(turn.Text, turn.T("choice.noUpdates"), StringComparison.OrdinalIgnoreCase))
        {
            draft.ConsentToUpdates = false;
            draft.Email = null;
            draft.Phone = null;
            return StepOutcome.Answered;
        }

        return StepOutcome.Invalid;
    }
}
