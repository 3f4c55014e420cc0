using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.State;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// The consent step's follow-up on a channel that lets the city write only within 24 hours of the resident's last
/// message (Messenger, <see cref="Definitions.ChannelProfile.FallbackContact"/>): after "yes, message me here", an
/// optional mobile number (texted) or email for the updates that come later. The notification policy uses them
/// once the window has closed and no utility template is configured.
/// </summary>
internal static class FallbackContact
{
    /// <summary>The question (or its retry wording), asked with a Skip button.</summary>
    public static string Question(Turn turn, StepRef step, bool retry) =>
        turn.T(StringKeys.Step(step.Id, retry ? "retryFallback" : "promptFallback"));

    /// <summary>
    /// Takes a phone number or an email written anywhere in the message, or a skip (or no); anything else is not an
    /// answer. True when the question is settled.
    /// </summary>
    public static bool TryRecord(Turn turn, IntakeDraft draft, bool skipped)
    {
        var email = ContactRecognizer.FindEmail(turn.Text);
        var phone = email is null ? ContactRecognizer.FindPhoneE164(turn.Text) : null;
        if (email is null && phone is null && !skipped)
        {
            return false;
        }

        draft.Email = email;
        draft.Phone = phone;
        draft.AskingFallbackContact = false;
        return true;
    }

    /// <summary>Forgets a number or address given earlier (updates declined, or the question asked again).</summary>
    public static void Clear(IntakeDraft draft)
    {
        draft.Email = null;
        draft.Phone = null;
        draft.AskingFallbackContact = false;
    }
}
