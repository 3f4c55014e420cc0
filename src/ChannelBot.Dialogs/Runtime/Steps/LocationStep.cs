using ChannelBot.Dialogs.State;
using ChannelBot.Schema;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// Where the problem is: a location pin when the channel sends one, or an address, intersection or landmark as
/// text. A place the resident already mentioned is offered for a one-word "yes".
/// </summary>
internal sealed class LocationStep : StepHandler
{
    public override void Prompt(Turn turn, IntakeContext intake, StepRef step, bool retry)
    {
        if (retry)
        {
            turn.Ask(turn.T(StringKeys.Step(step.Id, "retry")));
            return;
        }

        if (intake.Draft.LocationHint is { } hint)
        {
            turn.Ask(turn.T(StringKeys.Step(step.Id, "confirmHint"), ("place", hint)), YesNo(turn));
            return;
        }

        var key = turn.Profile.Location ? "promptPin" : "prompt";
        turn.Ask(turn.T(StringKeys.Step(step.Id, key)));
    }

    /// <summary>A place named in the first description is taken as it is (the summary reads it back for a change).</summary>
    public override bool Settle(Turn turn, IntakeContext intake, StepRef step)
    {
        if (intake.Draft.LocationHint is not { } hint)
        {
            return false;
        }

        intake.Draft.Location = new LocationAnswer(hint, null, null);
        intake.Draft.LocationHint = null;
        return true;
    }

    public override StepOutcome Handle(Turn turn, IntakeContext intake, StepRef step)
    {
        var draft = intake.Draft;
        if (GeoPoint.FromActivity(turn.Activity) is { } pin)
        {
            draft.Location = new LocationAnswer(pin.Address ?? pin.Name, pin.Latitude, pin.Longitude);
            draft.LocationHint = null;
            return StepOutcome.Answered;
        }

        if (draft.LocationHint is { } hint)
        {
            var yes = turn.YesOrNo();
            if (yes == true)
            {
                draft.Location = new LocationAnswer(hint, null, null);
                draft.LocationHint = null;
                return StepOutcome.Answered;
            }

            draft.LocationHint = null;
            if (yes == false && LocationHint.Find(turn.Text) is { } corrected)
            {
                // "no, it's at 300 Oak Ave": the correction is the answer.
                draft.Location = new LocationAnswer(corrected, null, null);
                return StepOutcome.Answered;
            }

            if (yes == false)
            {
                turn.Ask(turn.T(StringKeys.Step(step.Id, turn.Profile.Location ? "promptPin" : "prompt")));
                return StepOutcome.Waiting;
            }
        }

        if (!LooksLikePlace(turn))
        {
            return StepOutcome.Invalid;
        }

        draft.Location = new LocationAnswer(Truncate(turn.Text, 300), null, null);
        return StepOutcome.Answered;
    }

    private static bool LooksLikePlace(Turn turn)
    {
        var text = turn.Text;
        if (text.Length < 3 || !text.Any(char.IsLetter))
        {
            return false;
        }

        return turn.YesOrNo() is null && !turn.Is(turn.Phrases.Skip) && !turn.Is(turn.Phrases.Done);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static List<Rendering.Choice> YesNo(Turn turn) =>
        [new("yes", turn.T("choice.yes")), new("no", turn.T("choice.no"))];
}
