using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Runtime.Steps;
using ChannelBot.Dialogs.State;

namespace ChannelBot.Dialogs.Runtime.Versioning;

/// <summary>
/// Checks an intake's answers against dialog files that changed since the intake began. Answers that no
/// longer fit (a removed service, a list value that is gone, a number now out of range) are dropped so the
/// intake asks them again; answers to questions that no longer exist are dropped silently.
/// </summary>
internal static class DraftRevalidator
{
    /// <returns>True when an answer the resident gave had to be dropped.</returns>
    public static bool Revalidate(DialogDefinitions definitions, IntakeDraft draft)
    {
        var dropped = false;
        var categoryStep = definitions.Intake.Steps.FirstOrDefault(s => s.Kind == FlowStepKind.Category)?.Id;
        if (draft.ServiceCode is not null && definitions.Catalog.Find(draft.ServiceCode) is null)
        {
            draft.ServiceCode = null;
            draft.Attributes.Clear();
            draft.Done.RemoveWhere(id => id.StartsWith(StepRef.AttributePrefix, StringComparison.Ordinal) || id == categoryStep);
            dropped = true;
        }

        draft.Suggestions = draft.Suggestions?.Where(code => definitions.Catalog.Find(code) is not null).ToList();
        var service = definitions.Catalog.Find(draft.ServiceCode);
        foreach (var (code, answer) in draft.Attributes.ToList())
        {
            var attribute = service?.Attributes.FirstOrDefault(a => a.Code == code);
            if (attribute is null)
            {
                draft.Attributes.Remove(code);
                continue;
            }

            if (!Fits(attribute, answer))
            {
                draft.Attributes.Remove(code);
                draft.Done.Remove(StepRef.AttributeId(code));
                dropped = true;
            }
        }

        draft.Done.RemoveWhere(id =>
            id.StartsWith(StepRef.AttributePrefix, StringComparison.Ordinal)
            && service?.Attributes.Any(a => StepRef.AttributeId(a.Code) == id) != true);
        return dropped;
    }

    private static bool Fits(ServiceAttribute attribute, AttributeAnswer answer) => AttributeAnswers.Fits(attribute, answer.Values);
}
