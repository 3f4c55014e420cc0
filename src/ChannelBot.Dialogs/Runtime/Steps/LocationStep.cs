using ChannelBot.Dialogs.State;
using ChannelBot.Geo.Data;
using ChannelBot.Geo.Resolution;
using ChannelBot.Schema;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// Where the problem is: a location pin when the channel sends one, or an address, intersection or landmark as
/// text, resolved on the city's map when the city has one (<see cref="LocationQuestions"/> says what is asked then);
/// without a map the words are kept as typed. A place the resident already mentioned is used without asking again
/// when the map finds exactly it (the summary reads it back), else it starts the questions.
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
            if (turn.Resources.Geography.CanResolve)
            {
                intake.Draft.LocationHint = null;
                LocationQuestions.Ask(turn, intake, step, hint, turn.Resources.Geography.Resolve(hint));
                return;
            }

            turn.Ask(turn.T(StringKeys.Step(step.Id, "confirmHint"), ("place", hint)), YesNo(turn));
            return;
        }

        var key = turn.Profile.Location ? "promptPin" : "prompt";
        turn.Ask(turn.T(StringKeys.Step(step.Id, key)));
    }

    /// <summary>A place named in the first description is taken when the map finds exactly it, or when there is no map.</summary>
    public override bool Settle(Turn turn, IntakeContext intake, StepRef step)
    {
        if (intake.Draft.LocationHint is not { } hint)
        {
            return false;
        }

        var geography = turn.Resources.Geography;
        if (!geography.CanResolve)
        {
            intake.Draft.Location = new LocationAnswer(hint, null, null);
            intake.Draft.LocationHint = null;
            return true;
        }

        if (geography.Resolve(hint) is { Outcome: LocationOutcome.Found, Best: { Precision: not LocationPrecision.NearAddress } found })
        {
            intake.Draft.Location = LocationQuestions.Answer(found);
            intake.Draft.LocationHint = null;
            return true;
        }

        return false;
    }

    public override StepOutcome Handle(Turn turn, IntakeContext intake, StepRef step)
    {
        var draft = intake.Draft;
        var geography = turn.Resources.Geography;
        if (GeoPoint.FromActivity(turn.Activity) is { } pin)
        {
            return Pinned(turn, intake, step, pin);
        }

        if (draft.LocationQuestion is not null)
        {
            if (LocationQuestions.Reply(turn, intake, step) is { } replied)
            {
                return replied;
            }

            if (!LooksLikePlace(turn))
            {
                return StepOutcome.Invalid;
            }

            var again = geography.Resolve(turn.Text);
            return again.Outcome is LocationOutcome.NotFound or LocationOutcome.StreetOnly && draft.LocationQuestion.Kind is LocationQuestion.NotFound or LocationQuestion.WhereOnStreet
                ? LocationQuestions.KeepAsTyped(draft, turn.Text)
                : LocationQuestions.Ask(turn, intake, step, turn.Text, again);
        }

        if (draft.LocationHint is { } hint && !geography.CanResolve)
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

        if (!geography.CanResolve)
        {
            draft.Location = new LocationAnswer(Truncate(turn.Text, 300), null, null);
            return StepOutcome.Answered;
        }

        return LocationQuestions.Ask(turn, intake, step, turn.Text, geography.Resolve(turn.Text));
    }

    /// <summary>A pin is taken where it is, named by the nearest address; outside the city it is said whose it is.</summary>
    private static StepOutcome Pinned(Turn turn, IntakeContext intake, StepRef step, GeoPoint pin)
    {
        var draft = intake.Draft;
        var described = turn.Resources.Geography.Describe(new GeoPosition(pin.Latitude, pin.Longitude));
        if (described.Outcome == LocationOutcome.Outside)
        {
            var typed = pin.Address ?? pin.Name ?? $"{pin.Latitude:F5}, {pin.Longitude:F5}";
            return LocationQuestions.Ask(turn, intake, step, typed, described);
        }

        var label = described.Best is { Label.Length: > 0 } best ? NearLabel(turn, step, best) : null;
        draft.Location = new LocationAnswer(pin.Address ?? label ?? pin.Name, pin.Latitude, pin.Longitude, described.Best?.Area);
        draft.LocationHint = null;
        draft.LocationQuestion = null;
        return StepOutcome.Answered;
    }

    private static string NearLabel(Turn turn, StepRef step, ResolvedLocation best) =>
        turn.T(StringKeys.Step(step.Id, "pinNear"), ("place", best.Label));

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
}
