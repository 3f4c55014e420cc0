using Microsoft.Extensions.Logging;

namespace ChannelBot.Channels.Email;

/// <summary>The email channel's log events (4700–4709). Addresses are masked; subjects and bodies are never logged.</summary>
internal static partial class EmailLog
{
    [LoggerMessage(EventId = 4700, Level = LogLevel.Information, Message = "Email {OutboxId} sent to {To}")]
    public static partial void Sent(ILogger logger, long outboxId, string to);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Warning, Message = "Email {OutboxId} to {To} failed: {Error}")]
    public static partial void SendFailed(ILogger logger, long outboxId, string to, string error);

    [LoggerMessage(EventId = 4703, Level = LogLevel.Warning, Message = "Email {OutboxId} to {To} will be retried: {Error}")]
    public static partial void SendRetry(ILogger logger, long outboxId, string to, string error);

    [LoggerMessage(EventId = 4704, Level = LogLevel.Error, Message = "The SMTP server refused our login (Email:UserName/Password): {Error}")]
    public static partial void LoginRefused(ILogger logger, string error);

    [LoggerMessage(EventId = 4705, Level = LogLevel.Information, Message = "{Address} unsubscribed from email")]
    public static partial void Unsubscribed(ILogger logger, string address);

    [LoggerMessage(EventId = 4706, Level = LogLevel.Information, Message = "An unsubscribe link with an invalid token was refused")]
    public static partial void InvalidUnsubscribeToken(ILogger logger);
}
