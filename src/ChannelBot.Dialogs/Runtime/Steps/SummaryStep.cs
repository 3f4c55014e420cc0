using System.Text;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Runtime.Rendering;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// The read-back: every answer, then submit, change any one answer, or cancel. Changing an answer reopens that
/// question; once answered, the summary comes back.
/// </summary>
internal sealed class SummaryStep : StepHandler
{
    private const string Submit = "submit";
    private const string CancelKey = "cancel";
    private const string ChangePrefix = "change:";

    public override void Prompt(Turn turn, IntakeContext intake, StepRef step, bool retry)
    {
        if (!retry)
        {
            turn.Say(Describe(turn, intake, step.Id));
        }

        turn.Ask(turn.T(StringKeys.Step(step.Id, retry ? "retry" : "prompt")), Choices(turn, intake, step.Id));
    }

    public override StepOutcome Handle(Turn turn, IntakeContext intake, StepRef step)
    {
        var choices = Choices(turn, intake, step.Id);
        var options = choices.Select(c => new ChoiceOption(c.Key, c.Title, c.Synonyms)).ToList();
        var pick = ChoiceRecognizer.RecognizeOne(turn.Text, options, turn.Language);
        if (pick is null)
        {
            return turn.YesOrNo() == true ? StepOutcome.Submit : StepOutcome.Invalid;
        }

        if (pick.Key == Submit)
        {
            return StepOutcome.Submit;
        }

        if (pick.Key == CancelKey)
        {
            return StepOutcome.Cancel;
        }

        Reopen(intake, pick.Key[ChangePrefix.Length..]);
        return StepOutcome.Reopened;
    }

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

    private static List<Choice> Choices(Turn turn, IntakeContext intake, string id)
    {
        var choices = new List<Choice> { new(Submit, turn.T(StringKeys.Step(id, "submit"))) };
        foreach (var step in IntakePlan.Build(intake.Definitions, intake.Draft, turn.Profile))
        {
            if (step.Flow.Kind == FlowStepKind.Summary)
            {
                continue;
            }

            var what = step.Attribute is not null ? turn.Localized(step.Attribute.Description) : turn.T($"step.summary.label.{step.Flow.Kind.ToString().ToLowerInvariant()}");
            choices.Add(new Choice(ChangePrefix + step.Id, turn.T(StringKeys.Step(id, "change"), ("what", Shorten(what)))));
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
                    Line(Shorten(turn.Localized(step.Attribute!.Description)), draft.Attributes.GetValueOrDefault(step.Attribute.Code)?.Display);
                    break;
                case FlowStepKind.Description:
                    Line(Label(turn, step), string.Join(" ", new[] { draft.InitialText, draft.Description }.Where(t => t is { Length: > 0 })));
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

    private static string Label(Turn turn, StepRef step) =>
        turn.T($"step.summary.label.{step.Flow.Kind.ToString().ToLowerInvariant()}");

    private static string? Place(Turn turn, string id, State.LocationAnswer? location) => location switch
    {
        null => null,
        { Address: { Length: > 0 } address } => address,
        { Latitude: { } lat, Longitude: { } lon } => turn.T(StringKeys.Step(id, "pin"), ("lat", lat.ToString("F5", System.Globalization.CultureInfo.InvariantCulture)), ("lon", lon.ToString("F5", System.Globalization.CultureInfo.InvariantCulture))),
        _ => null,
    };

    private static string Updates(Turn turn, string id, State.IntakeDraft draft) => draft.ConsentToUpdates switch
    {
        true when draft.Phone is not null => turn.T(StringKeys.Step(id, "updatesTo"), ("to", draft.Phone)),
        true when draft.Email is not null => turn.T(StringKeys.Step(id, "updatesTo"), ("to", draft.Email)),
        true => turn.T(StringKeys.Step(id, "updatesHere")),
        _ => turn.T(StringKeys.Step(id, "updatesNo")),
    };

    private static string Capitalized(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37].TrimEnd() + "…";
}
