using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChannelBot.Channels.Twilio;

/// <summary>Source-generated serializers for what the Twilio channel writes as JSON.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class TwilioJsonContext : JsonSerializerContext;
