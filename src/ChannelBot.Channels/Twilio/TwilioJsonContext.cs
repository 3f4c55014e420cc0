using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChannelBot.Channels.Twilio;

/// <summary>Source-generated serializers for what the Twilio channel reads and writes as JSON.</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(TwilioMessageResource))]
[JsonSerializable(typeof(TwilioMessagePage))]
[JsonSerializable(typeof(TwilioApiError))]
[JsonSerializable(typeof(Dictionary<string, bool>))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class TwilioJsonContext : JsonSerializerContext;
