using Microsoft.Extensions.Logging;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// The Twilio channel's log events (ids 4200-4299, stable). Phone numbers and WhatsApp ids go through
/// <see cref="Application.Logging.LogMask"/>; message text, tokens and signatures are never logged.
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

    [LoggerMessage(EventId = 4210, Level = LogLevel.Information, Message = "Twilio message sent: outbox {OutboxId}, channel {ChannelId}, to {To}, sid {MessageSid}, {Segments} segment(s) {Encoding}, media {MediaCount}")]
    public static partial void Sent(ILogger logger, long outboxId, string channelId, string to, string messageSid, int segments, string encoding, int mediaCount);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Warning, Message = "Twilio send to retry: outbox {OutboxId}, channel {ChannelId}, to {To}: {Error}")]
    public static partial void SendRetry(ILogger logger, long outboxId, string channelId, string to, string error);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Warning, Message = "Twilio send failed for good: outbox {OutboxId}, channel {ChannelId}, to {To}: {Error}")]
    public static partial void SendFailed(ILogger logger, long outboxId, string channelId, string to, string error);

    [LoggerMessage(EventId = 4213, Level = LogLevel.Information, Message = "Twilio send reconciled, not resent: outbox {OutboxId}, to {To}, sid {MessageSid}, found through {Source}")]
    public static partial void Reconciled(ILogger logger, long outboxId, string to, string messageSid, string source);

    [LoggerMessage(EventId = 4214, Level = LogLevel.Information, Message = "Twilio send reconciled, no earlier message found, sending: outbox {OutboxId}, to {To}")]
    public static partial void NotFoundResending(ILogger logger, long outboxId, string to);

    [LoggerMessage(EventId = 4215, Level = LogLevel.Debug, Message = "Twilio send skipped: outbox {OutboxId} is a {Type} activity, which SMS and WhatsApp cannot show")]
    public static partial void SendSkipped(ILogger logger, long outboxId, string type);

    [LoggerMessage(EventId = 4217, Level = LogLevel.Information, Message = "Twilio WhatsApp template sent: outbox {OutboxId}, to {To}, sid {MessageSid}, purpose {Purpose}, language {Language}, content {ContentSid}")]
    public static partial void TemplateSent(ILogger logger, long outboxId, string to, string messageSid, string purpose, string language, string contentSid);

    [LoggerMessage(EventId = 4218, Level = LogLevel.Information, Message = "Twilio answered 63016 (WhatsApp window closed) to a free-form message: sending its template instead: outbox {OutboxId}, to {To}")]
    public static partial void TemplateFallback(ILogger logger, long outboxId, string to);

    [LoggerMessage(EventId = 4216, Level = LogLevel.Information, Message = "Twilio consent keyword handled before the dialog: channel {ChannelId}, message {MessageSid}, from {From}, keyword {Keyword}")]
    public static partial void KeywordHandled(ILogger logger, string channelId, string messageSid, string from, string keyword);

    [LoggerMessage(EventId = 4220, Level = LogLevel.Debug, Message = "Twilio status callback: message {MessageSid} {Status}, error {ErrorCode}: {Outcome}")]
    public static partial void StatusRecorded(ILogger logger, string messageSid, string status, string errorCode, string outcome);

    [LoggerMessage(EventId = 4221, Level = LogLevel.Information, Message = "Twilio status callback with a status not tracked, acknowledged: message {MessageSid} {Status}")]
    public static partial void StatusIgnored(ILogger logger, string messageSid, string status);

    [LoggerMessage(EventId = 4222, Level = LogLevel.Information, Message = "Twilio reported 63016 (WhatsApp window closed) for outbox {OutboxId}, sid {MessageSid}: its template goes as outbox {ResendId}")]
    public static partial void LateWindowRefusalResent(ILogger logger, long outboxId, string messageSid, long resendId);

    [LoggerMessage(EventId = 4223, Level = LogLevel.Warning, Message = "Twilio reported 63016 (WhatsApp window closed) for outbox {OutboxId}, sid {MessageSid}, and no template is configured for it: it stays failed")]
    public static partial void LateWindowRefusalWithoutTemplate(ILogger logger, long outboxId, string messageSid);
}
