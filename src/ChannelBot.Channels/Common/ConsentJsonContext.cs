using System.Text.Json.Serialization;

namespace ChannelBot.Channels.Common;

/// <summary>Source-generated JSON for the consent marker every channel puts on its STOP/START confirmations.</summary>
[JsonSerializable(typeof(Dictionary<string, bool>))]
internal sealed partial class ConsentJsonContext : JsonSerializerContext;
