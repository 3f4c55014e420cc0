using Microsoft.Extensions.Logging;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// The Direct Line channel's log events (ids 4300-4399, stable). Conversation and user ids go through
/// <see cref="Application.Logging.LogMask"/>; message text and tokens are never logged.
/// </summary>
internal static partial class DirectLineLog
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Debug, Message = "Direct Line conversation {Conversation} started for {User}")]
    public static partial void ConversationStarted(ILogger logger, string conversation, string user);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Debug, Message = "Direct Line activity {ActivityId} of type {Type} accepted in {Conversation} (forwarded: {Forwarded})")]
    public static partial void ActivityAccepted(ILogger logger, string activityId, string type, string conversation, bool forwarded);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Debug, Message = "Direct Line request refused with {Status} {Code}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, int status, string code, string reason);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Error, Message = "Direct Line activity could not be stored in the inbox, answered 503: conversation {Conversation}")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string conversation);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Warning, Message = "Direct Line join of {Conversation} could not be stored; the bot greets on the first message instead")]
    public static partial void JoinFailed(ILogger logger, Exception exception, string conversation);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Error, Message = "Direct Line poll of {Conversation} failed; answered an empty set with the same watermark")]
    public static partial void PollFailed(ILogger logger, Exception exception, string conversation);

    [LoggerMessage(EventId = 4306, Level = LogLevel.Information, Message = "Direct Line rate limit reached by {Key}; answered 429")]
    public static partial void RateLimited(ILogger logger, string key);

    [LoggerMessage(EventId = 4307, Level = LogLevel.Debug, Message = "Direct Line upload in {Conversation}: {Files} file(s), {Bytes} bytes")]
    public static partial void Uploaded(ILogger logger, string conversation, int files, long bytes);

    [LoggerMessage(EventId = 4310, Level = LogLevel.Debug, Message = "Direct Line socket opened on {Conversation} from watermark {Watermark}")]
    public static partial void SocketOpened(ILogger logger, string conversation, long watermark);

    [LoggerMessage(EventId = 4311, Level = LogLevel.Debug, Message = "Direct Line socket on {Conversation} closed: {Reason}")]
    public static partial void SocketClosed(ILogger logger, string conversation, string reason);

    [LoggerMessage(EventId = 4320, Level = LogLevel.Debug, Message = "Direct Line send {OutboxId} appended to {Conversation} as {ActivityId}")]
    public static partial void Sent(ILogger logger, long outboxId, string conversation, string activityId);

    [LoggerMessage(EventId = 4321, Level = LogLevel.Information, Message = "Direct Line send {OutboxId} failed for good: {Error}")]
    public static partial void SendFailed(ILogger logger, long outboxId, string error);

    [LoggerMessage(EventId = 4330, Level = LogLevel.Debug, Message = "Direct Line sweep: {Conversations} idle conversation(s) dropped, {Files} old upload(s) deleted")]
    public static partial void Swept(ILogger logger, int conversations, int files);

    [LoggerMessage(EventId = 4331, Level = LogLevel.Error, Message = "Direct Line sweep failed; trying again at the next one")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4332, Level = LogLevel.Warning, Message = "Direct Line signs tokens with a key generated at start-up (Development): tokens end with the process. Set DirectLine:TokenSigningKey to keep them.")]
    public static partial void GeneratedKey(ILogger logger);

    [LoggerMessage(EventId = 4333, Level = LogLevel.Warning, Message = "Direct Line is off (no DirectLine:TokenSigningKey outside Development, or DirectLine:Enabled false): its routes answer 403")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 4308, Level = LogLevel.Error, Message = "Direct Line activity {ActivityId} of {Conversation} is in the inbox but could not be written to the conversation log; clients see it until a restart (SQLite), or not at all (PostgreSQL, the log shared by instances)")]
    public static partial void LogNotStored(ILogger logger, string conversation, string activityId);

    [LoggerMessage(EventId = 4312, Level = LogLevel.Error, Message = "Direct Line socket on {Conversation} failed reading the conversation log; closed so the client reconnects")]
    public static partial void StreamFailed(ILogger logger, Exception exception, string conversation);

    [LoggerMessage(EventId = 4322, Level = LogLevel.Warning, Message = "Direct Line send {OutboxId} could not be written to the conversation log; the outbox tries again")]
    public static partial void SendNotStored(ILogger logger, Exception exception, long outboxId);
}
