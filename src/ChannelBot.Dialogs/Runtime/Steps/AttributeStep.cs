using System.Globalization;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Runtime.Rendering;
using ChannelBot.Dialogs.State;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// One of the service's own questions, asked and read according to its Open311 datatype: a choice from a list
/// (one or several), a number, a date and time, or text.
/// </summary>
internal sealed class AttributeStep : StepHandler
{
    public override void Prompt(Turn turn, IntakeContext intake, StepRef step, bool retry)
    {
        var attribute = step.Attribute!;
        var question = turn.Localized(attribute.Description);
        if (attribute.Hint is { } hint)
        {
            question = FollowedBy(question, turn.Localized(hint));
        }

        if (retry)
        {
            question = turn.T($"step.attributes.retry.{attribute.Datatype.ToString().ToLowerInvariant()}") + " " + question;
        }

        switch (attribute.Datatype)
        {
            case AttributeDatatype.Singlevaluelist:
                AskWithSkip(turn, question, !attribute.Required, ValueChoices(turn, attribute));
                break;
            case AttributeDatatype.Multivaluelist:
                AskWithSkip(turn, FollowedBy(question, turn.T("step.attributes.multiHint")), !attribute.Required, ValueChoices(turn, attribute));
                break;
            default:
                AskWithSkip(turn, question, !attribute.Required);
                break;
        }
    }

    public override StepOutcome Handle(Turn turn, IntakeContext intake, StepRef step)
    {
        var attribute = step.Attribute!;
        var answer = attribute.Datatype switch
        {
            AttributeDatatype.Singlevaluelist => ReadOne(turn, attribute),
            AttributeDatatype.Multivaluelist => ReadMany(turn, attribute),
            AttributeDatatype.Number => ReadNumber(turn, attribute),
            AttributeDatatype.Datetime => ReadDateTime(turn),
            _ => ReadText(turn, attribute),
        };

        if (answer is not null)
        {
            intake.Draft.Attributes[attribute.Code] = answer;
            return StepOutcome.Answered;
        }

        if (!attribute.Required && IsSkip(turn, attribute.Values.Count))
        {
            intake.Draft.Attributes.Remove(attribute.Code);
            return StepOutcome.Answered;
        }

        return StepOutcome.Invalid;
    }

    /// <summary>
    /// A required list question whose option the first description names is answered from it. Optional questions
    /// are not filled from a description: a loose word ("huge") is too thin to stand for an answer the resident
    /// could give themselves, and by SMS an optional question is not asked anyway.
    /// </summary>
    public override bool Settle(Turn turn, IntakeContext intake, StepRef step)
    {
        var attribute = step.Attribute!;
        if (attribute.Required
            && intake.Draft.InitialText is { } description
            && attribute.Datatype is AttributeDatatype.Singlevaluelist or AttributeDatatype.Multivaluelist
            && DescribedOptions.Find(description, attribute) is { Count: > 0 } named)
        {
            intake.Draft.Attributes[attribute.Code] = new AttributeAnswer(
                [.. named.Select(v => v.Key)],
                string.Join(", ", named.Select(v => turn.Localized(v.Name))));
            return true;
        }

        return base.Settle(turn, intake, step);
    }

    public override bool SkipUnanswered(Turn turn, IntakeContext intake, StepRef step)
    {
        if (step.Attribute!.Required)
        {
            return false;
        }

        intake.Draft.Attributes.Remove(step.Attribute.Code);
        return true;
    }

    private static AttributeAnswer? ReadOne(Turn turn, ServiceAttribute attribute)
    {
        var match = ChoiceRecognizer.RecognizeOne(turn.Text, Options(turn, attribute), turn.Language);
        if (match is null)
        {
            return null;
        }

        var value = attribute.Values[match.Index];
        return new AttributeAnswer([value.Key], turn.Localized(value.Name));
    }

    private static AttributeAnswer? ReadMany(Turn turn, ServiceAttribute attribute)
    {
        var matches = ChoiceRecognizer.RecognizeMany(turn.Text, Options(turn, attribute), turn.Language);
        if (matches.Count == 0)
        {
            return null;
        }

        var values = matches.Select(m => attribute.Values[m.Index]).ToList();
        return new AttributeAnswer(
            values.Select(v => v.Key).ToList(),
            string.Join(", ", values.Select(v => turn.Localized(v.Name))));
    }

    private static AttributeAnswer? ReadNumber(Turn turn, ServiceAttribute attribute)
    {
        if (turn.Text.Length == 0 || NumberRecognizer.Recognize(turn.Text, turn.Language) is not { } number)
        {
            return null;
        }

        if ((attribute.Min is { } min && number < min) || (attribute.Max is { } max && number > max))
        {
            return null;
        }

        var canonical = number.ToString(CultureInfo.InvariantCulture);
        return new AttributeAnswer([canonical], number.ToString(turn.Culture));
    }

    private static AttributeAnswer? ReadDateTime(Turn turn)
    {
        if (turn.Text.Length == 0 || DateTimeRecognizer.Recognize(turn.Text, turn.Language, turn.CityNow) is not { } when)
        {
            return null;
        }

        var local = when.Start ?? when.End;
        if (local is null)
        {
            return null;
        }

        var offset = turn.Resources.CityTimeZone.GetUtcOffset(local.Value);
        var instant = new DateTimeOffset(DateTime.SpecifyKind(local.Value, DateTimeKind.Unspecified), offset);
        return new AttributeAnswer([instant.ToString(AttributeAnswers.DateTimeFormat, CultureInfo.InvariantCulture)], turn.Text);
    }

    private static AttributeAnswer? ReadText(Turn turn, ServiceAttribute attribute)
    {
        var max = AttributeAnswers.MaxLengthOf(attribute);
        if (turn.Text.Length == 0 || turn.Text.Length > max || (!attribute.Required && IsSkip(turn)))
        {
            return null;
        }

        return new AttributeAnswer([turn.Text], turn.Text);
    }

    private static IReadOnlyList<Choice> ValueChoices(Turn turn, ServiceAttribute attribute) =>
        turn.Resources.ChoicesOf(attribute, turn.Language).Shown;

    private static ChoiceSet Options(Turn turn, ServiceAttribute attribute) =>
        turn.Resources.ChoicesOf(attribute, turn.Language).Set;

    /// <summary>Two sentences of a question, the first closed with a full stop when the catalog left it open.</summary>
    private static string FollowedBy(string sentence, string next) =>
        sentence.Length > 0 && char.IsLetterOrDigit(sentence[^1]) ? sentence + ". " + next : sentence + " " + next;
}
