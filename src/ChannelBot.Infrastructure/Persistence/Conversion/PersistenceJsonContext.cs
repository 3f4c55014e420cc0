using System.Text.Json.Serialization;

namespace ChannelBot.Infrastructure.Persistence.Conversion;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredCaseAttribute[]))]
internal sealed partial class PersistenceJsonContext : JsonSerializerContext
{
}
