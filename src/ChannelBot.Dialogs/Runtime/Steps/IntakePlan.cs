using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.State;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// The questions of an intake in order, given what is known so far: the flow's steps with the attributes step
/// expanded into the chosen service's questions, and photos left out where the service or channel has none.
/// The next question is always the first one not yet done, so changing an answer, or a change of the dialog
/// files, simply leaves a hole that is asked again.
/// </summary>
internal static class IntakePlan
{
    public static List<StepRef> Build(DialogDefinitions definitions, IntakeDraft draft, ChannelProfile profile)
    {
        var service = definitions.Catalog.Find(draft.ServiceCode);
        var steps = new List<StepRef>(definitions.Intake.Steps.Count + 4);
        foreach (var flow in definitions.Intake.Steps)
        {
            switch (flow.Kind)
            {
                case FlowStepKind.Attributes:
                    if (service is not null)
                    {
                        foreach (var attribute in service.Attributes.OrderBy(a => a.Order))
                        {
                            steps.Add(new StepRef(StepRef.AttributeId(attribute.Code), flow, attribute));
                        }
                    }

                    break;
                case FlowStepKind.Photos when service?.Photos == PhotoPolicy.Off || !profile.Photos:
                    break;
                default:
                    steps.Add(new StepRef(flow.Id, flow));
                    break;
            }
        }

        return steps;
    }

    /// <summary>The first step not done (the summary is never done, so there always is one).</summary>
    public static StepRef Next(List<StepRef> plan, IntakeDraft draft)
    {
        foreach (var step in plan)
        {
            if (step.Flow.Kind == FlowStepKind.Summary || !draft.Done.Contains(step.Id))
            {
                return step;
            }
        }

        return plan[^1];
    }

    public static StepRef? Find(List<StepRef> plan, string? id) =>
        id is null ? null : plan.FirstOrDefault(s => s.Id == id);
}
