using ChannelBot.Application.Logging;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Delivers the bot's activities to Direct Line conversations (<c>directline</c>, <c>webchat</c>): appends them
/// to the conversation's log, with a server id, timestamp and watermark, which wakes its sockets (pollers find it
/// on their next poll). The log is durable, so a conversation survives a restart. A resend of the same outbox row keeps
/// its first id. A conversation that has ended (dropped after idling) cannot be reached: that send fails for good; a
/// log that cannot be written is tried again later.
/// </summary>
public sealed class DirectLineSender(
    DirectLineConversations conversations,
    TimeProvider clock,
    ILogger<DirectLineSender> logger) : IChannelSender
{
    private static readonly HashSet<string> SendableTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message,
        ActivityTypes.Typing,
        ActivityTypes.Event,
        ActivityTypes.EndOfConversation,
    };

    public bool Handles(string channelId) =>
        string.Equals(channelId, ChannelIds.DirectLine, StringComparison.Ordinal)
        || string.Equals(channelId, ChannelIds.WebChat, StringComparison.Ordinal);

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = message.Activity;
        if (activity.Type is null || !SendableTypes.Contains(activity.Type))
        {
            return Fail(message, $"activities of type '{activity.Type}' are not sent to web chat");
        }

        DirectLineConversation? conversation;
        try
        {
            conversation = await conversations.FindAsync(activity.Conversation?.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            DirectLineLog.SendNotStored(logger, exception, message.Id);
            return SendResult.Retry("the web chat conversation log is unavailable");
        }

        if (conversation is null)
        {
            return Fail(message, "the web chat conversation is no longer open");
        }

        // A copy: what clients read must not change under them if the caller reuses the activity.
        var copy = ActivityJson.Clone(activity);
        copy.ChannelId = ChannelIds.DirectLine;
        copy.Conversation = new ConversationAccount { Id = conversation.Id };
        copy.ServiceUrl = null;
        if (copy.From is not null)
        {
            copy.From.Role ??= RoleTypes.Bot;
        }

        string activityId;
        try
        {
            activityId = await conversation.AppendBotAsync(copy, message.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            DirectLineLog.SendNotStored(logger, exception, message.Id);
            return SendResult.Retry("the web chat conversation log could not be written");
        }

        DirectLineLog.Sent(logger, message.Id, LogMask.Id(conversation.Id), activityId);
        return SendResult.Sent(activityId);
    }

    private SendResult Fail(OutboundMessage message, string error)
    {
        DirectLineLog.SendFailed(logger, message.Id, error);
        return SendResult.Failed(error);
    }
}
