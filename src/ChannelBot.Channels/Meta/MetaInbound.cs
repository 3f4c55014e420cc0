using ChannelBot.Channels.Common;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Meta;

/// <summary>One messaging event, mapped (see <see cref="MetaActivityMapper"/>).</summary>
/// <param name="ResidentId">The resident's PSID: the sender of a message, the reader of our messages.</param>
/// <param name="Mids">The message ids a delivery receipt names.</param>
/// <param name="Watermark">The instant before which every message was delivered or read.</param>
/// <param name="At">When the event happened (Meta's timestamp), or when we received it.</param>
internal sealed record MetaInbound(
    MetaInboundKind Kind,
    string? Reason = null,
    Activity? Activity = null,
    string? ResidentId = null,
    IReadOnlyList<string>? Mids = null,
    DateTimeOffset? Watermark = null,
    DateTimeOffset? At = null,
    MessagingKeyword Keyword = MessagingKeyword.None)
{
    public static MetaInbound Ignored(string reason) => new(MetaInboundKind.Ignored, reason);

    public static MetaInbound Invalid(string reason) => new(MetaInboundKind.Invalid, reason);
}
