using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Runtime.Rendering;
using ChannelBot.Dialogs.State;
using ChannelBot.Dialogs.Understanding;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// Finds what the resident is reporting: a pick from the menu (number, title, synonym), or a description read by
/// the understanding models (<see cref="ServiceRecognizer"/>). A clear match is taken, and the description kept
/// so it is not asked for again; an unclear one gets the three likeliest services plus "Something else", which
/// files a general request with the resident's words (or shows the menu when the catalog has no general request).
/// </summary>
internal sealed class CategoryStep : StepHandler
{
    private const string SomethingElse = "__menu";

    public override void Prompt(Turn turn, IntakeContext intake, StepRef step, bool retry)
    {
        if (intake.Draft.Suggestions is { Count: > 0 } suggestions)
        {
            AskSuggestions(turn, intake, step, suggestions);
            return;
        }

        if (!retry && turn.Profile.ShortText)
        {
            // By SMS the question says "reply MENU for a list": sixteen numbered lines are several paid segments.
            turn.Ask(turn.T(StringKeys.Step(step.Id, "prompt")));
            return;
        }

        var key = retry ? StringKeys.Step(step.Id, "retry") : StringKeys.Step(step.Id, "prompt");
        AskMenu(turn, intake, turn.T(key));
    }

    public override StepOutcome Handle(Turn turn, IntakeContext intake, StepRef step)
    {
        var draft = intake.Draft;
        if (turn.Text.Length == 0)
        {
            return StepOutcome.Invalid;
        }

        if (draft.Suggestions is { Count: > 0 } suggestions)
        {
            var options = SuggestionChoices(turn, intake, step, suggestions);
            var pick = ChoiceRecognizer.RecognizeOne(turn.Text, ToOptions(options), turn.Language);
            if (pick is not null)
            {
                if (pick.Key == SomethingElse)
                {
                    draft.Suggestions = null;
                    AskMenu(turn, intake, turn.T(StringKeys.Step(step.Id, "menu")));
                    return StepOutcome.Waiting;
                }

                return Choose(turn, intake, step, pick.Key, describedAs: null);
            }
        }

        if (turn.Is(turn.Phrases.Menu))
        {
            draft.Suggestions = null;
            AskMenu(turn, intake, turn.T(StringKeys.Step(step.Id, "menu")));
            return StepOutcome.Waiting;
        }

        if (draft.MenuShown || IsNumber(turn.Text))
        {
            var menu = ChoiceRecognizer.RecognizeOne(turn.Text, turn.Resources.Menu(turn.Language).Set, turn.Language);
            if (menu is not null && (draft.MenuShown || menu.Kind != ChoiceMatchKind.Number))
            {
                // "hay un bache enorme en la calle Reforma" names a menu entry but also describes the problem and
                // the place: keep them (Choose keeps only texts of several words).
                return Choose(turn, intake, step, menu.Key, describedAs: turn.Text);
            }
        }

        var recognition = turn.Resources.Services.Recognize(turn.Meaning, turn.Language);
        if (recognition.Confident is { } service)
        {
            return Choose(turn, intake, step, service.Code, describedAs: turn.Text);
        }

        if (recognition.Suggestions.Count > 0)
        {
            draft.InitialText ??= Describes(turn.Text) ? turn.Text : null;
            draft.LocationHint ??= LocationHint.Find(turn.Text);
            draft.Suggestions = recognition.Suggestions.Select(s => s.Code).ToList();
            AskSuggestions(turn, intake, step, draft.Suggestions);
            return StepOutcome.Waiting;
        }

        return StepOutcome.Invalid;
    }

    private static StepOutcome Choose(Turn turn, IntakeContext intake, StepRef step, string code, string? describedAs)
    {
        var draft = intake.Draft;
        var service = intake.Definitions.Catalog.Find(code);
        if (service is null)
        {
            return StepOutcome.Invalid;
        }

        if (!string.Equals(draft.ServiceCode, service.Code, StringComparison.Ordinal))
        {
            draft.Attributes.Clear();
            draft.Done.RemoveWhere(id => id.StartsWith(StepRef.AttributePrefix, StringComparison.Ordinal));
        }

        draft.ServiceCode = service.Code;
        draft.Suggestions = null;
        if (describedAs is not null && Describes(describedAs))
        {
            draft.InitialText ??= describedAs;
            draft.LocationHint ??= LocationHint.Find(describedAs);
        }

        turn.Say(service == intake.Definitions.Catalog.General
            ? turn.T(StringKeys.Step(step.Id, "general"))
            : turn.T(StringKeys.Step(step.Id, "chosen"), ("service", turn.Localized(service.Name))));
        return StepOutcome.Answered;
    }

    private static void AskMenu(Turn turn, IntakeContext intake, string question)
    {
        intake.Draft.MenuShown = true;
        turn.Ask(question, MenuChoices(turn));
    }

    private static void AskSuggestions(Turn turn, IntakeContext intake, StepRef step, List<string> suggestions) =>
        turn.Ask(turn.T(StringKeys.Step(step.Id, "suggest")), SuggestionChoices(turn, intake, step, suggestions));

    private static IReadOnlyList<Choice> MenuChoices(Turn turn) => turn.Resources.Menu(turn.Language).Shown;

    private static List<Choice> SuggestionChoices(Turn turn, IntakeContext intake, StepRef step, List<string> suggestions)
    {
        var choices = suggestions
            .Select(code => intake.Definitions.Catalog.Find(code))
            .OfType<ServiceDefinition>()
            .Select(s => ServiceChoice(turn, s))
            .ToList();
        // "Something else" is the general request when the catalog has one (filed with the words already given),
        // else the full menu.
        var general = intake.Definitions.Catalog.General;
        var somethingElse = turn.T(StringKeys.Step(step.Id, "somethingElse"));
        choices.Add(general is null || suggestions.Contains(general.Code, StringComparer.Ordinal)
            ? new Choice(SomethingElse, somethingElse)
            : new Choice(general.Code, somethingElse, [.. general.Name.Values]));
        return choices;
    }

    private static Choice ServiceChoice(Turn turn, ServiceDefinition service) =>
        new(service.Code, turn.Localized(service.Name), service.Name.Values.ToList());

    private static List<ChoiceOption> ToOptions(List<Choice> choices) =>
        choices.Select(c => new ChoiceOption(c.Key, c.Title, c.Synonyms)).ToList();

    private static bool IsNumber(string text) => text.Length is > 0 and <= 3 && text.All(char.IsAsciiDigit);

    /// <summary>More than a couple of words: worth keeping as the start of the description.</summary>
    private static bool Describes(string text) => text.Count(char.IsWhiteSpace) >= 2;
}
