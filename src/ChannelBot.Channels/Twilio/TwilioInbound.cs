using ChannelBot.Channels.Common;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Twilio;

/// <summary>The result of mapping one inbound webhook: the activity, or why there is none.</summary>
internal sealed record TwilioInbound(TwilioInboundKind Kind, Activity? Activity, MessagingKeyword Keyword, string? Reason)
{
    public static TwilioInbound Message(Activity activity, MessagingKeyword keyword) => new(TwilioInboundKind.Message, activity, keyword, null);

    public static TwilioInbound Ignored(string reason) => new(TwilioInboundKind.Ignored, null, MessagingKeyword.None, reason);

    public static TwilioInbound Invalid(string reason) => new(TwilioInboundKind.Invalid, null, MessagingKeyword.None, reason);
}
