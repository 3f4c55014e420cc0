using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Runtime.Handoff;
using ChannelBot.Dialogs.Runtime.Steps;
using ChannelBot.Dialogs.Runtime.Versioning;
using ChannelBot.Dialogs.State;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>The duplicate offer: open cases of the same kind nearby, found by the caller, offered to the resident to follow.</summary>
internal sealed partial class IntakeRunner
{
    /// <summary>What <see cref="FindNearbyCases"/> found: the nearest is offered to follow, else the intake goes on.</summary>
    public void ResumeAfterNearby(Turn turn, IReadOnlyList<NearbyCase> found)
    {
        if (turn.State.Intake is not { } frame)
        {
            return;
        }

        var intake = new IntakeContext(frame, turn.Definitions);
        if (found.Count > 0)
        {
            NearbyReports.Offer(turn, intake, found[0]);
            return;
        }

        Advance(turn, intake);
    }

    /// <summary>The answer to "Is it this one?": follow it (the report is filed as its duplicate) or go on with a new report.</summary>
    private void AnswerNearby(Turn turn, IntakeContext intake, NearbyOffer offer)
    {
        switch (NearbyReports.Reply(turn))
        {
            case true:
                intake.Draft.Following = offer.Ticket;
                intake.Draft.ConsentToUpdates = true;
                turn.State.Pending = PendingEffect.SubmitCase;
                turn.Effect = new SubmitCase(SubmissionBuilder.Build(turn, intake));
                break;
            case false:
                intake.Draft.NearbyOffer = null;
                Advance(turn, intake);
                break;
            default:
                NearbyReports.Ask(turn, offer);
                break;
        }
    }
}
