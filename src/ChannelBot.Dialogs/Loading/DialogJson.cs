using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelBot.Dialogs.Loading;

/// <summary>How dialog files bind to the definitions model: camelCase keys, enums as lower-case words.</summary>
internal static class DialogJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        NumberHandling = JsonNumberHandling.Strict,
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
            new LocalizedStringJsonConverter(),
        },
    };
}
