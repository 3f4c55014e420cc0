using Newtonsoft.Json.Linq;

namespace ChannelBot.Dialogs.Loading;

/// <summary>
/// Where one value of a YAML file came from. <paramref name="SchemaPath"/> is the path as NJsonSchema reports it
/// (<c>#/services[0].code</c>), <paramref name="ReadablePath"/> the one we show (<c>services[0].code</c>).
/// <paramref name="PlainText"/> is the original text of an unquoted scalar read as a number or true/false, so it
/// can be read as text where the schema wants text (<c>emergencyNumber: 911</c>).
/// </summary>
internal sealed record SourceNode(string SchemaPath, string ReadablePath, int Line, int Column, JToken Token, string? PlainText);
