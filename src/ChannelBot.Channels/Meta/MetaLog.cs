using Microsoft.Extensions.Logging;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// The Meta channel's log events (ids 4400-4499, stable). PSIDs go through <see cref="Application.Logging.LogMask"/>; message
/// text, tokens, secrets and signatures are never logged.
/// </summary>
internal static partial class MetaLog
{
    [LoggerMessage(EventId = 4400, Level = LogLevel.Debug, Message = "Messenger message stored: message {Mid}, from {From}, images {ImageCount}, location {HasLocation}, keyword {Keyword}")]
    public static partial void MessageAccepted(ILogger logger, string mid, string from, int imageCount, bool hasLocation, string keyword);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Debug, Message = "Messenger message was a redelivery, dropped: message {Mid}")]
    public static partial void MessageDuplicate(ILogger logger, string mid);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Debug, Message = "Messenger event acknowledged and not stored: {Reason}")]
    public static partial void EventIgnored(ILogger logger, string reason);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Debug, Message = "Meta webhook refused with {Status}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Warning, Message = "Meta webhook refused with 403: {Reason}")]
    public static partial void SignatureRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 4405, Level = LogLevel.Warning, Message = "Meta webhook refused: the channel is not configured (Meta:AppSecret and Meta:VerifyToken are needed)")]
    public static partial void NotConfigured(ILogger logger);

    [LoggerMessage(EventId = 4406, Level = LogLevel.Error, Message = "Messenger event could not be stored, answered 503 (Meta redelivers): {What} {Id}")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string what, string id);

    [LoggerMessage(EventId = 4407, Level = LogLevel.Warning, Message = "Meta webhook accepted with the development app secret (Development environment, no Meta:AppSecret)")]
    public static partial void DevelopmentSecretUsed(ILogger logger);

    [LoggerMessage(EventId = 4408, Level = LogLevel.Warning, Message = "Messenger event skipped: {Reason}")]
    public static partial void EventInvalid(ILogger logger, string reason);

    [LoggerMessage(EventId = 4409, Level = LogLevel.Information, Message = "Meta webhook subscription verified")]
    public static partial void Subscribed(ILogger logger);

    [LoggerMessage(EventId = 4410, Level = LogLevel.Warning, Message = "Meta webhook verification refused: {Reason}")]
    public static partial void SubscriptionRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4411, Level = LogLevel.Information, Message = "Messenger consent keyword handled before the dialog: message {Mid}, from {From}, keyword {Keyword}")]
    public static partial void KeywordHandled(ILogger logger, string mid, string from, string keyword);

    [LoggerMessage(EventId = 4412, Level = LogLevel.Debug, Message = "Messenger webhook batch: {Entries} entries, {Messages} stored, {Duplicates} redelivered, {Receipts} receipts, {Echoes} echoes, {Skipped} skipped")]
    public static partial void BatchProcessed(ILogger logger, int entries, int messages, int duplicates, int receipts, int echoes, int skipped);

    [LoggerMessage(EventId = 4420, Level = LogLevel.Debug, Message = "Messenger receipt: message {Mid} {Status}: {Outcome}")]
    public static partial void ReceiptRecorded(ILogger logger, string mid, string status, string outcome);

    [LoggerMessage(EventId = 4430, Level = LogLevel.Information, Message = "Messenger message sent: outbox {OutboxId}, to {To}, mid {Mid}, parts {Parts}, messaging type {MessagingType}")]
    public static partial void Sent(ILogger logger, long outboxId, string to, string mid, int parts, string messagingType);

    [LoggerMessage(EventId = 4431, Level = LogLevel.Warning, Message = "Messenger send to retry: outbox {OutboxId}, to {To}: {Error}")]
    public static partial void SendRetry(ILogger logger, long outboxId, string to, string error);

    [LoggerMessage(EventId = 4432, Level = LogLevel.Warning, Message = "Messenger send failed for good: outbox {OutboxId}, to {To}: {Error}")]
    public static partial void SendFailed(ILogger logger, long outboxId, string to, string error);

    [LoggerMessage(EventId = 4433, Level = LogLevel.Error, Message = "Messenger Page access token refused by the Graph API (error 190): renew Meta:PageAccessToken. Outbox {OutboxId}: {Error}")]
    public static partial void TokenRejected(ILogger logger, long outboxId, string error);

    [LoggerMessage(EventId = 4434, Level = LogLevel.Debug, Message = "Messenger send skipped: outbox {OutboxId} is a {Type} activity, which Messenger cannot show")]
    public static partial void SendSkipped(ILogger logger, long outboxId, string type);
}
