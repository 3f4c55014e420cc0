using System.Text;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Runtime.Rendering;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// The read-back: every answer, then three choices: send, change something, or cancel. "Change something" lists
/// what can be changed (one button each); "change location" typed straight away works too. Changing an answer
/// reopens that question; once answered, the summary comes back.
/// </summary>
internal sealed class SummaryStep : StepHandler
{
    private const string Submit = "submit";
    private const string CancelKey = "cancel";
    private const string ChangeSomething = "change";
    private const string ChangePrefix = "change:";

    /// <summary>"change" alone (either language) asks what to change.</summary>
    private static readonly string[] ChangeWords = ["change", "change something", "edit", "fix", "correct", "cambiar", "cambiar algo", "editar", "corregir", "modificar"];

    public override void Prompt(Turn turn, IntakeContext intake, StepRef step, bool retry)
    {
        var choices = Choices(turn, intake, step.Id);
        if (intake.Draft.ChoosingChange)
        {
            var question = turn.T(StringKeys.Step(step.Id, "whichChange"));
            turn.Ask(retry ? turn.T(StringKeys.Step(step.Id, "retry")) + " " + question : question, [.. choices.Where(IsChangeItem)]);
            return;
        }

        if (!retry)
        {
            turn.Say(Describe(turn, intake, step.Id));
        }

        turn.Ask(turn.T(StringKeys.Step(step.Id, retry ? "retry" : "prompt")), [.. choices.Where(c => !IsChangeItem(c))]);
    }

    public override StepOutcome Handle(Turn turn, IntakeContext intake, StepRef step)
    {
        var choices = Choices(turn, intake, step.Id);
        var draft = intake.Draft;
        var shown = draft.ChoosingChange ? choices.Where(IsChangeItem).ToList() : choices.Where(c => !IsChangeItem(c)).ToList();

        // Words may name any choice ("change location" right at the summary); numbers refer to the list on screen.
        var pick = ChoiceRecognizer.RecognizeOne(turn.Text, ToOptions(choices), turn.Language);
        if (pick is null or { Kind: ChoiceMatchKind.Number or ChoiceMatchKind.Ordinal })
        {
            pick = ChoiceRecognizer.RecognizeOne(turn.Text, ToOptions(shown), turn.Language);
        }

        if (pick is null)
        {
            return !draft.ChoosingChange && turn.YesOrNo() == true ? StepOutcome.Submit : StepOutcome.Invalid;
        }

        switch (pick.Key)
        {
            case Submit:
                draft.ChoosingChange = false;
                return StepOutcome.Submit;
            case CancelKey:
                return StepOutcome.Cancel;
            case ChangeSomething:
                draft.ChoosingChange = true;
                Prompt(turn, intake, step, retry: false);
                return StepOutcome.Waiting;
            default:
                draft.ChoosingChange = false;
                Reopen(intake, pick.Key[ChangePrefix.Length..]);
                return StepOutcome.Reopened;
        }
    }

    private static bool IsChangeItem(Choice choice) => choice.Key.StartsWith(ChangePrefix, StringComparison.Ordinal);

    private static List<ChoiceOption> ToOptions(List<Choice> choices) =>
        choices.Select(c => new ChoiceOption(c.Key, c.Title, c.Synonyms)).ToList();

    private static void Reopen(IntakeContext intake, string stepId)
    {
        var draft = intake.Draft;
        draft.Done.Remove(stepId);
        draft.Reviewing = true;
        if (intake.Definitions.Intake.Steps.FirstOrDefault(s => s.Id == stepId)?.Kind == FlowStepKind.Category)
        {
            draft.ServiceCode = null;
            draft.Suggestions = null;
            draft.Attributes.Clear();
            draft.Done.RemoveWhere(id => id.StartsWith(StepRef.AttributePrefix, StringComparison.Ordinal));
        }
    }

    /// <summary>Send, change something, every answer that can be changed, cancel.</summary>
    private static List<Choice> Choices(Turn turn, IntakeContext intake, string id)
    {
        var choices = new List<Choice>
        {
            new(Submit, turn.T(StringKeys.Step(id, "submit"))),
            new(ChangeSomething, turn.T(StringKeys.Step(id, "changeSomething")), ChangeWords),
        };
        foreach (var step in IntakePlan.Build(intake.Definitions, intake.Draft, turn.Profile))
        {
            if (step.Flow.Kind is FlowStepKind.Summary or FlowStepKind.Share)
            {
                // Sharing the description is a yes/no that defaults to no: not read back, not offered for a change.
                continue;
            }

            // Shown as the label ("Location"); "change location" names it too.
            var what = Label(turn, step);
            choices.Add(new Choice(ChangePrefix + step.Id, Capitalized(what), [turn.T(StringKeys.Step(id, "change"), ("what", what))]));
        }

        choices.Add(new Choice(CancelKey, turn.T(StringKeys.Step(id, "cancel"))));
        return choices;
    }

    /// <summary>The read-back of every answer, one per line.</summary>
    public static string Describe(Turn turn, IntakeContext intake, string id)
    {
        var draft = intake.Draft;
        var text = new StringBuilder(turn.T(StringKeys.Step(id, "header")));
        void Line(string label, string? value) => text.Append('\n').Append(Capitalized(label)).Append(": ").Append(value is { Length: > 0 } ? value : "—");

        foreach (var step in IntakePlan.Build(intake.Definitions, draft, turn.Profile))
        {
            switch (step.Flow.Kind)
            {
                case FlowStepKind.Category:
                    Line(Label(turn, step), intake.Service is { } service ? turn.Localized(service.Name) : null);
                    break;
                case FlowStepKind.Location:
                    Line(Label(turn, step), Place(turn, id, draft.Location));
                    break;
                case FlowStepKind.Attributes:
                    Line(Label(turn, step), draft.Attributes.GetValueOrDefault(step.Attribute!.Code)?.Display);
                    break;
                case FlowStepKind.Description:
                    Line(Label(turn, step), Details(draft));
                    break;
                case FlowStepKind.Photos:
                    Line(Label(turn, step), draft.Photos.Count.ToString(turn.Culture));
                    break;
                case FlowStepKind.Name:
                    Line(Label(turn, step), draft.Name);
                    break;
                case FlowStepKind.Consent:
                    Line(Label(turn, step), Updates(turn, id, draft));
                    break;
                default:
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>What a line of the read-back is about: the question's label, else the question, else the step's label.</summary>
    private static string Label(Turn turn, StepRef step) => step.Attribute switch
    {
        { Label: { } label } => turn.Localized(label),
        { } attribute => Shorten(turn.Localized(attribute.Description)),
        null => turn.T($"step.summary.label.{step.Flow.Kind.ToString().ToLowerInvariant()}"),
    };

    private static string? Place(Turn turn, string id, State.LocationAnswer? location) => location switch
    {
        null => null,
        { Address: { Length: > 0 } address } => address,
        { Latitude: { } lat, Longitude: { } lon } => turn.T(StringKeys.Step(id, "pin"), ("lat", lat.ToString("F5", System.Globalization.CultureInfo.InvariantCulture)), ("lon", lon.ToString("F5", System.Globalization.CultureInfo.InvariantCulture))),
        _ => null,
    };

    private static string Updates(Turn turn, string id, State.IntakeDraft draft) => draft.ConsentToUpdates switch
    {
        true when turn.Profile.FallbackContact && draft.Phone is not null => turn.T(StringKeys.Step(id, "updatesHereThenText"), ("to", draft.Phone)),
        true when turn.Profile.FallbackContact && draft.Email is not null => turn.T(StringKeys.Step(id, "updatesHereThenEmail"), ("to", draft.Email)),
        true when draft.Phone is not null && draft.UpdateChannel == ConsentStep.WhatsApp => turn.T(StringKeys.Step(id, "updatesByWhatsApp"), ("to", draft.Phone)),
        true when draft.Phone is not null => turn.T(StringKeys.Step(id, "updatesTo"), ("to", draft.Phone)),
        true when draft.Email is not null => turn.T(StringKeys.Step(id, "updatesTo"), ("to", draft.Email)),
        true => turn.T(StringKeys.Step(id, "updatesHere")),
        _ => turn.T(StringKeys.Step(id, "updatesNo")),
    };

    /// <summary>The first message (when it described the problem) and the details, as sentences.</summary>
    private static string Details(State.IntakeDraft draft)
    {
        var text = new StringBuilder();
        foreach (var part in new[] { draft.InitialText, draft.Description })
        {
            if (part is not { Length: > 0 })
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(char.IsPunctuation(text[^1]) ? " " : ". ");
            }

            text.Append(part);
        }

        return text.ToString();
    }

    private static string Capitalized(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37].TrimEnd() + "…";
}
