using System.Text;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Runtime.Steps;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// A stable fingerprint of what each question asks and accepts. When the dialog files change under a live
/// conversation, an answer is taken only if the question it answers is still the same.
/// </summary>
internal sealed class StepFingerprints
{
    private readonly Dictionary<string, string> _flowSteps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _attributes = new(StringComparer.Ordinal);

    public StepFingerprints(DialogDefinitions definitions)
    {
        var services = string.Join(",", definitions.Catalog.Services.Select(s => s.Code));
        foreach (var step in definitions.Intake.Steps)
        {
            var extra = step.Kind == FlowStepKind.Category ? services : string.Empty;
            _flowSteps[step.Id] = Hash($"{step.Id}|{step.Kind}|{step.Required}|{step.MaxLength}|{step.MaxPhotos}|{extra}");
        }

        foreach (var service in definitions.Catalog.Services)
        {
            foreach (var attribute in service.Attributes)
            {
                var values = string.Join(",", attribute.Values.Select(v => v.Key));
                var question = string.Join("|", attribute.Description.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value));
                _attributes[Key(service.Code, attribute.Code)] = Hash(
                    $"{attribute.Code}|{attribute.Datatype}|{attribute.Required}|{attribute.Min}|{attribute.Max}|{values}|{question}");
            }
        }
    }

    public string For(StepRef step, string? serviceCode) =>
        step.Attribute is not null
            ? _attributes.GetValueOrDefault(Key(serviceCode ?? string.Empty, step.Attribute.Code), string.Empty)
            : _flowSteps.GetValueOrDefault(step.Id, string.Empty);

    private static string Key(string service, string attribute) => service + "/" + attribute;

    /// <summary>64-bit FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
    private static string Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
