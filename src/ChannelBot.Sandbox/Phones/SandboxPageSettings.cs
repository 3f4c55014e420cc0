using System.Text.Json.Serialization;

namespace ChannelBot.Sandbox.Phones;

/// <summary>What the sandbox page's script (<c>wwwroot/sandbox/sandbox.js</c>) reads from the page.</summary>
public sealed class SandboxPageSettings
{
    /// <summary>The phones by name: <c>sms</c>, <c>whatsapp</c>, <c>messenger</c>.</summary>
    [JsonPropertyName("phones")]
    public required IReadOnlyDictionary<string, SandboxPhoneSettings> Phones { get; init; }

    /// <summary>How often the phones ask the fake providers what the bot sent, in milliseconds.</summary>
    [JsonPropertyName("pollMilliseconds")]
    public int PollMilliseconds { get; init; } = 1000;
}
