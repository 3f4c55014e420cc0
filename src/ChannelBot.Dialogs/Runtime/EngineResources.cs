using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Runtime.Rendering;
using ChannelBot.Dialogs.Understanding;
using ChannelBot.Geo;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// What the engine builds once per set of dialog files: indexes, recognizers, the understanding models, normalized word lists and the
/// prepared choices of every list question and of the request-type menu in every language, shared by every turn.
/// </summary>
internal sealed class EngineResources
{
    private readonly Dictionary<(ServiceAttribute Attribute, string Language), PreparedChoices> _attributeChoices = [];
    private readonly Dictionary<string, PreparedChoices> _menus = new(StringComparer.Ordinal);

    public EngineResources(DialogDefinitions definitions, TimeZoneInfo cityTimeZone, CityGeography geography)
    {
        Definitions = definitions;
        Geography = geography;
        CityTimeZone = cityTimeZone;
        var understanding = UnderstandingModels.For(definitions);
        Services = understanding.Services;
        Emergency = understanding.Emergency;
        Fingerprints = new StepFingerprints(definitions);
        Phrases = new InterruptPhrases(definitions);
        foreach (var language in definitions.Languages)
        {
            _menus[language] = PreparedChoices.From(
                [.. definitions.Catalog.Services.Select(s => new Choice(s.Code, s.Name.Get(language, definitions.DefaultLanguage), [.. s.Name.Values]))]);
            foreach (var attribute in definitions.Catalog.Services.SelectMany(s => s.Attributes).Where(a => a.Values.Count > 0))
            {
                _attributeChoices[(attribute, language)] = PreparedChoices.From(
                    [.. attribute.Values.Select(v => new Choice(v.Key, v.Name.Get(language, definitions.DefaultLanguage), [.. v.Name.Values, .. v.Synonyms.All]))]);
            }
        }
    }

    public DialogDefinitions Definitions { get; }

    public TimeZoneInfo CityTimeZone { get; }

    /// <summary>The city's map: where typed places and pins are (empty when the city has no geography files).</summary>
    public CityGeography Geography { get; }

    /// <summary>Which service a description is about.</summary>
    public ServiceRecognizer Services { get; }

    /// <summary>Whether a message means "call 911 now".</summary>
    public EmergencyRecognizer Emergency { get; }

    public StepFingerprints Fingerprints { get; }

    public InterruptPhrases Phrases { get; }

    /// <summary>The request types as a menu in <paramref name="language"/>.</summary>
    public PreparedChoices Menu(string language) =>
        _menus.TryGetValue(language, out var menu) ? menu : _menus[Definitions.DefaultLanguage];

    /// <summary>The options of a list question in <paramref name="language"/>.</summary>
    public PreparedChoices ChoicesOf(ServiceAttribute attribute, string language) =>
        _attributeChoices.TryGetValue((attribute, language), out var choices) ? choices : _attributeChoices[(attribute, Definitions.DefaultLanguage)];
}
