using Microsoft.Extensions.Logging;

namespace ChannelBot.Channels.Connector;

/// <summary>
/// The Connector channel's log events (ids 4100-4199, stable). Ids of users and conversations go through
/// <see cref="Application.Logging.LogMask"/>; message text and tokens are never logged.
/// </summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Connector activity stored: type {Type}, channel {ChannelId}, conversation {Conversation}, activity {ActivityId}, from {From}, auth {Auth}")]
    public static partial void ActivityAccepted(ILogger logger, string type, string channelId, string conversation, string activityId, string from, string auth);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Connector activity was a redelivery, dropped: channel {ChannelId}, activity {ActivityId}")]
    public static partial void ActivityDuplicate(ILogger logger, string channelId, string activityId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Connector activity of type {Type} acknowledged and not stored")]
    public static partial void ActivityIgnored(ILogger logger, string type);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Connector invoke {Name} answered 501: this bot implements no invoke")]
    public static partial void InvokeNotImplemented(ILogger logger, string name);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Connector request refused with {Status} {Code}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, int status, string code, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Connector request not authenticated: {Reason}")]
    public static partial void AuthenticationRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error, Message = "Connector request answered 503, tokens cannot be checked: {Reason}")]
    public static partial void AuthenticationUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Error, Message = "Connector activity could not be stored, answered 503: channel {ChannelId}, activity {ActivityId}")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string channelId, string activityId);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Debug, Message = "Connector send {OutboxId} delivered to {Origin}: type {Type}, channel id {ProviderId}")]
    public static partial void Sent(ILogger logger, long outboxId, string origin, string type, string providerId);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Warning, Message = "Connector send {OutboxId} to {Origin} will be retried: {Error} (operation {OperationId})")]
    public static partial void SendRetry(ILogger logger, long outboxId, string origin, string error, string operationId);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Warning, Message = "Connector send {OutboxId} to {Origin} failed for good: {Error} (operation {OperationId})")]
    public static partial void SendFailed(ILogger logger, long outboxId, string origin, string error, string operationId);

    [LoggerMessage(EventId = 4123, Level = LogLevel.Information, Message = "Connector send {OutboxId}: {Origin} refused the bot token, fetching a new one and sending again")]
    public static partial void TokenRefused(ILogger logger, long outboxId, string origin);

    [LoggerMessage(EventId = 4130, Level = LogLevel.Debug, Message = "Connector outbound token obtained, valid for {Seconds} s")]
    public static partial void TokenObtained(ILogger logger, long seconds);

    [LoggerMessage(EventId = 4131, Level = LogLevel.Error, Message = "Connector outbound token request to {Origin} failed: status {Status}, {Error}")]
    public static partial void TokenRequestFailed(ILogger logger, string origin, int status, string error);
}
