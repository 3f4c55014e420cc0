using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.State;
using ChannelBot.Geo.Data;
using ChannelBot.Geo.Resolution;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// What the location step says about a place resolved on the city's map: one place → confirm it in one question;
/// several → the choices; a street alone → where on it; nothing → a cross street or a pin, filed either way;
/// outside the city → whose it is and how to reach them, and nothing filed unless the resident says it is inside.
/// </summary>
internal static class LocationQuestions
{
    private const int MaxChoices = 5;
    private const string NoneKey = "none";

    public static StepOutcome Ask(Turn turn, IntakeContext intake, StepRef step, string typed, LocationResolution resolution)
    {
        var draft = intake.Draft;
        var question = new LocationQuestion { Typed = Cut(typed) };
        draft.LocationQuestion = question;
        switch (resolution.Outcome)
        {
            case LocationOutcome.Found:
                var found = resolution.Best!;
                question.Kind = LocationQuestion.Confirm;
                question.Candidates = [Answer(found)];
                var near = found.CrossStreet is { } cross ? turn.T(StringKeys.Step(step.Id, "nearCross"), ("street", cross)) : "";
                var key = found.Precision == LocationPrecision.NearAddress ? "confirmNear" : "confirmFound";
                turn.Ask(turn.T(StringKeys.Step(step.Id, key), ("place", found.Label), ("near", near)), StepHandler.YesNo(turn));
                return StepOutcome.Waiting;
            case LocationOutcome.Choices:
            case LocationOutcome.StreetOnly when resolution.Candidates.Count > 1:
                question.Kind = LocationQuestion.Choose;
                question.Candidates = [.. resolution.Candidates.Take(MaxChoices).Select(Answer)];
                turn.Ask(turn.T(StringKeys.Step(step.Id, "choose")), Choices(turn, step, question));
                return StepOutcome.Waiting;
            case LocationOutcome.StreetOnly:
                return AskWhereOn(turn, step, question, resolution.Candidates[0].Label);
            case LocationOutcome.Outside:
                question.Kind = LocationQuestion.Outside;
                var neighbour = resolution.Neighbour;
                var whose = neighbour is null
                    ? turn.T(StringKeys.Step(step.Id, "outsideUnknown"), ("place", question.Typed))
                    : turn.T(StringKeys.Step(step.Id, "outside"), ("place", question.Typed), ("neighbour", neighbour.Name), ("contact", Contact(neighbour.Contact)));
                turn.Say(whose);
                turn.Ask(turn.T(StringKeys.Step(step.Id, "outsideAsk")));
                return StepOutcome.Waiting;
            default:
                question.Kind = LocationQuestion.NotFound;
                turn.Ask(turn.T(StringKeys.Step(step.Id, turn.Profile.Location ? "notFoundPin" : "notFound")));
                return StepOutcome.Waiting;
        }
    }

    /// <summary>The resident's reply to a pending question; null when the reply is a new place to resolve.</summary>
    public static StepOutcome? Reply(Turn turn, IntakeContext intake, StepRef step)
    {
        var draft = intake.Draft;
        var question = draft.LocationQuestion!;
        switch (question.Kind)
        {
            case LocationQuestion.Confirm:
                var yes = turn.YesOrNo();
                if (yes == true)
                {
                    return Take(draft, question.Candidates[0]);
                }

                if (yes == false)
                {
                    draft.LocationQuestion = null;
                    turn.Ask(turn.T(StringKeys.Step(step.Id, turn.Profile.Location ? "promptPin" : "prompt")));
                    return StepOutcome.Waiting;
                }

                return null;
            case LocationQuestion.Choose:
                var pick = ChoiceRecognizer.RecognizeOne(turn.Text, PreparedChoices.From(Choices(turn, step, question)).Set, turn.Language);
                if (pick?.Key == NoneKey)
                {
                    question.Kind = LocationQuestion.NotFound;
                    turn.Ask(turn.T(StringKeys.Step(step.Id, turn.Profile.Location ? "notFoundPin" : "notFound")));
                    return StepOutcome.Waiting;
                }

                if (pick is not null && int.TryParse(pick.Key, out var index) && index < question.Candidates.Count)
                {
                    var chosen = question.Candidates[index];
                    var geography = turn.Resources.Geography;
                    return chosen.Latitude is null && geography.Resolve(chosen.Address ?? "").Outcome is LocationOutcome.StreetOnly
                        ? AskWhereOn(turn, step, question, chosen.Address!)
                        : Take(draft, chosen);
                }

                return null;
            case LocationQuestion.WhereOnStreet:
                var street = question.Street!;
                var reply = turn.Text.Trim();
                var combined = reply.All(char.IsAsciiDigit) || (reply.Length > 0 && char.IsAsciiDigit(reply[0]) && !reply.Contains(' ', StringComparison.Ordinal))
                    ? $"{reply} {street}"
                    : $"{street} & {reply}";
                var onStreet = turn.Resources.Geography.Resolve(combined);
                return onStreet.Outcome is LocationOutcome.Found or LocationOutcome.Choices
                    ? Ask(turn, intake, step, combined, onStreet)
                    : null;
            case LocationQuestion.Outside:
                return turn.YesOrNo() == true
                    ? Take(draft, new LocationAnswer(question.Typed, null, null))
                    : null;
            default:
                return null;
        }
    }

    /// <summary>A second try that still finds nothing: the words are kept (both answers) and staff place it.</summary>
    public static StepOutcome KeepAsTyped(IntakeDraft draft, string typed)
    {
        var earlier = draft.LocationQuestion?.Typed;
        var words = earlier is { Length: > 0 } && !string.Equals(earlier, typed, StringComparison.OrdinalIgnoreCase) ? $"{earlier} / {typed}" : typed;
        return Take(draft, new LocationAnswer(Cut(words), null, null));
    }

    public static LocationAnswer Answer(ResolvedLocation location) =>
        location.Precision == LocationPrecision.Street
            ? new LocationAnswer(location.Label, null, null)
            : new LocationAnswer(location.Label, location.Position.Latitude, location.Position.Longitude, location.Area);

    private static StepOutcome AskWhereOn(Turn turn, StepRef step, LocationQuestion question, string street)
    {
        question.Kind = LocationQuestion.WhereOnStreet;
        question.Street = street;
        question.Candidates = [];
        turn.Ask(turn.T(StringKeys.Step(step.Id, "whereOnStreet"), ("street", street)));
        return StepOutcome.Waiting;
    }

    private static StepOutcome Take(IntakeDraft draft, LocationAnswer answer)
    {
        draft.Location = answer;
        draft.LocationQuestion = null;
        draft.LocationHint = null;
        return StepOutcome.Answered;
    }

    private static List<Rendering.Choice> Choices(Turn turn, StepRef step, LocationQuestion question) =>
    [
        .. question.Candidates.Select((c, i) => new Rendering.Choice(i.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Address ?? "", [])),
        new(NoneKey, turn.T(StringKeys.Step(step.Id, "noneOfThese")), []),
    ];

    private static string Contact(NeighbourContact contact) =>
        string.Join(", ", new[] { contact.Phone ?? contact.Department, contact.Website }.Where(v => !string.IsNullOrWhiteSpace(v)));

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300];
}
