using System.Text.Json;
using System.Text.Json.Nodes;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// The mark on a WhatsApp notification sent again after a status callback reported 63016 (the window was closed
/// when it arrived): <c>channelData.templateOnlyResendOf</c> = the refused outbox row. The sender sends it as its
/// template whatever the window looks like, and a refused resend is never resent again.
/// </summary>
internal static class TemplateOnlyResend
{
    public const string Property = "templateOnlyResendOf";

    /// <summary>A copy of <paramref name="refused"/> marked as its template resend.</summary>
    public static Activity Of(Activity refused, long outboxId)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var copy = ActivityJson.Deserialize(ActivityJson.Serialize(refused));
        var data = refused.ChannelDataObject is { ValueKind: JsonValueKind.Object } existing
            ? JsonNode.Parse(existing.GetRawText())!.AsObject()
            : new JsonObject();
        data[Property] = outboxId;
        copy.ChannelData = JsonSerializer.SerializeToElement(data, TwilioJsonContext.Default.JsonObject);
        return copy;
    }

    public static bool IsMarked(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelDataObject is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(Property, out _);
    }
}
