using Microsoft.Extensions.Logging;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// The Twilio channel's log events (ids 4200-4299, stable). Phone numbers and WhatsApp ids go through
/// <see cref="Common.LogMask"/>; message text, tokens and signatures are never logged.
/// </summary>
internal static partial class TwilioLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Debug, Message = "Twilio message stored: channel {ChannelId}, message {MessageSid}, from {From}, media {MediaCount}, keyword {Keyword}")]
    public static partial void MessageAccepted(ILogger logger, string channelId, string messageSid, string from, int mediaCount, string keyword);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Twilio message was a redelivery, dropped: channel {ChannelId}, message {MessageSid}")]
    public static partial void MessageDuplicate(ILogger logger, string channelId, string messageSid);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Twilio webhook acknowledged and not stored: {Reason}")]
    public static partial void MessageIgnored(ILogger logger, string reason);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Debug, Message = "Twilio request refused with {Status}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "Twilio request refused with 403: {Reason}")]
    public static partial void SignatureRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "Twilio webhook refused: the channel is not configured (Twilio:AuthToken and Twilio:PublicBaseUrl are needed to verify signatures)")]
    public static partial void NotConfigured(ILogger logger);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Error, Message = "Twilio message could not be stored, answered 503: channel {ChannelId}, message {MessageSid}")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string channelId, string messageSid);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Warning, Message = "Twilio webhook accepted with the development signing token (Development environment, no Twilio:AuthToken)")]
    public static partial void DevelopmentTokenUsed(ILogger logger);
}
