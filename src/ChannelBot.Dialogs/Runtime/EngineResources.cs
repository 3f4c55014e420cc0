using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>What the engine builds once per set of dialog files: indexes and recognizers shared by every turn.</summary>
internal sealed class EngineResources
{
    public EngineResources(DialogDefinitions definitions, TimeZoneInfo cityTimeZone)
    {
        Definitions = definitions;
        CityTimeZone = cityTimeZone;
        Classifier = new CategoryClassifier(definitions.Catalog);
        Emergency = new EmergencyDetector(definitions.Interrupts.Emergency);
        Fingerprints = new StepFingerprints(definitions);
    }

    public DialogDefinitions Definitions { get; }

    public TimeZoneInfo CityTimeZone { get; }

    public CategoryClassifier Classifier { get; }

    public EmergencyDetector Emergency { get; }

    public StepFingerprints Fingerprints { get; }
}
