using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.State;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>The intake a step works on: its frame, its answers, and the service chosen so far.</summary>
internal sealed class IntakeContext
{
    public IntakeContext(DialogFrame frame, DialogDefinitions definitions)
    {
        Frame = frame;
        Draft = frame.Draft ??= new IntakeDraft();
        Definitions = definitions;
    }

    public DialogFrame Frame { get; }

    public IntakeDraft Draft { get; }

    public DialogDefinitions Definitions { get; }

    public ServiceDefinition? Service => Definitions.Catalog.Find(Draft.ServiceCode);
}
