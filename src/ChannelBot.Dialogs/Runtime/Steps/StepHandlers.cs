using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>The handler of each step kind. Handlers are stateless and shared by every turn.</summary>
internal static class StepHandlers
{
    private static readonly Dictionary<FlowStepKind, StepHandler> Handlers = new()
    {
        [FlowStepKind.Category] = new CategoryStep(),
        [FlowStepKind.Location] = new LocationStep(),
        [FlowStepKind.Attributes] = new AttributeStep(),
        [FlowStepKind.Description] = new DescriptionStep(),
        [FlowStepKind.Photos] = new PhotosStep(),
        [FlowStepKind.Share] = new ShareStep(),
        [FlowStepKind.Name] = new NameStep(),
        [FlowStepKind.Consent] = new ConsentStep(),
        [FlowStepKind.Summary] = new SummaryStep(),
    };

    public static StepHandler For(StepRef step) => Handlers[step.Flow.Kind];
}
