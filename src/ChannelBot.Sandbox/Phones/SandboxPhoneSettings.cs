using System.Text.Json.Serialization;

namespace ChannelBot.Sandbox.Phones;

/// <summary>What the sandbox page's script needs to drive one phone.</summary>
public sealed class SandboxPhoneSettings
{
    /// <summary>False when the channel has real credentials: the phone then shows <see cref="OffReason"/> and sends nothing.</summary>
    [JsonPropertyName("on")]
    public required bool On { get; init; }

    [JsonPropertyName("offReason")]
    public string? OffReason { get; init; }

    /// <summary>Where the phone posts (<c>POST /sandbox/phones/…</c>).</summary>
    [JsonPropertyName("sendUrl")]
    public required string SendUrl { get; init; }

    /// <summary>The fake provider's list of what the resident received, without the resident's address (appended, URL-encoded).</summary>
    [JsonPropertyName("receivedUrl")]
    public required string ReceivedUrl { get; init; }

    /// <summary>Put before the resident's address in <see cref="ReceivedUrl"/>: <c>whatsapp:</c> for WhatsApp.</summary>
    [JsonPropertyName("addressPrefix")]
    public string AddressPrefix { get; init; } = string.Empty;

    /// <summary>The resident the phone starts as (editable on the page).</summary>
    [JsonPropertyName("resident")]
    public required string Resident { get; init; }
}
