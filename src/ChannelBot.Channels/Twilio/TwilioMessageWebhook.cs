using ChannelBot.Application.Conversations;
using ChannelBot.Application.Logging;
using ChannelBot.Application.Messaging;
using ChannelBot.Channels.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// The inbound-message webhook, <c>POST /api/twilio/messages</c>: the request verified by
/// <see cref="TwilioSignedRequestReader"/>, then the message fields (400), consent keywords
/// (<see cref="TwilioKeywordHandler"/>: recorded, and kept from the dialog), then the inbox. The message is
/// acknowledged with empty TwiML only once the sink has made it durable (a redelivery included); the dialog runs
/// afterwards. When the inbox is down the answer is 503 with <c>Retry-After</c> (Twilio then calls the Fallback URL).
/// </summary>
internal sealed class TwilioMessageWebhook(
    TwilioSignedRequestReader reader,
    IInboundActivitySink sink,
    TwilioKeywordHandler keywords,
    TimeProvider timeProvider,
    ILogger<TwilioMessageWebhook> logger)
{
    public Task HandleAsync(HttpContext context) => reader.RespondAsync(context, ProcessAsync);

    private async Task<IResult> ProcessAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (form, refusal) = await reader.ReadAsync(context, TwilioRoutes.MessagesPath, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var inbound = TwilioActivityMapper.Map(form!, timeProvider.GetUtcNow());
        switch (inbound.Kind)
        {
            case TwilioInboundKind.Invalid:
                return reader.Refuse(StatusCodes.Status400BadRequest, inbound.Reason!);
            case TwilioInboundKind.Ignored:
                TwilioLog.MessageIgnored(logger, inbound.Reason!);
                return TwilioResponses.Acknowledge();
        }

        var activity = inbound.Activity!;
        if (inbound.Keyword != MessagingKeyword.None
            && await HandleKeywordAsync(context, activity, inbound.Keyword, cancellationToken).ConfigureAwait(false) is { } answered)
        {
            return answered;
        }

        return await AcceptAsync(context, activity, inbound.Keyword, cancellationToken).ConfigureAwait(false);
    }

    /// <returns>The answer when the keyword was handled here (or could not be recorded); null to pass the message on to the dialog.</returns>
    private async Task<IResult?> HandleKeywordAsync(HttpContext context, Schema.Activity activity, MessagingKeyword keyword, CancellationToken cancellationToken)
    {
        bool handled;
        try
        {
            handled = await keywords.HandleAsync(activity, keyword, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TwilioLog.SinkFailed(logger, exception, activity.ChannelId!, activity.Id!);
            return TwilioResponses.Unavailable(context, "The keyword could not be recorded; the message was not accepted.");
        }

        if (handled && keyword is MessagingKeyword.OptOut or MessagingKeyword.Revocation)
        {
            // The resident left: the report in progress ends with the conversation, so a later START begins afresh.
            // In the inbox, behind whatever the resident sent before, in order like any turn.
            try
            {
                await sink.AcceptAsync(TwilioActivityMapper.EndOfConversation(activity), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                TwilioLog.SinkFailed(logger, exception, activity.ChannelId!, activity.Id!);
                return TwilioResponses.Unavailable(context, "The end of the conversation could not be stored; the message was not accepted.");
            }
        }

        if (!handled)
        {
            return null;
        }

        TwilioLog.KeywordHandled(logger, activity.ChannelId!, activity.Id!, LogMask.Id(activity.From!.Id), MessagingKeywords.NameOf(keyword)!);
        return TwilioResponses.Acknowledge();
    }

    private async Task<IResult> AcceptAsync(HttpContext context, Schema.Activity activity, MessagingKeyword keyword, CancellationToken cancellationToken)
    {
        InboundAcceptance acceptance;
        try
        {
            acceptance = await sink.AcceptAsync(activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TwilioLog.SinkFailed(logger, exception, activity.ChannelId!, activity.Id!);
            return TwilioResponses.Unavailable(context, "The message could not be stored; it was not accepted.");
        }

        if (acceptance == InboundAcceptance.Refused)
        {
            return TwilioResponses.Problem(StatusCodes.Status400BadRequest, InboundLimits.Problem(activity) ?? "The message cannot be stored.");
        }

        if (acceptance == InboundAcceptance.Duplicate)
        {
            TwilioLog.MessageDuplicate(logger, activity.ChannelId!, activity.Id!);
        }
        else
        {
            TwilioLog.MessageAccepted(
                logger,
                activity.ChannelId!,
                activity.Id!,
                LogMask.Id(activity.From!.Id),
                activity.Attachments?.Count ?? 0,
                MessagingKeywords.NameOf(keyword) ?? "none");
        }

        return TwilioResponses.Acknowledge();
    }
}
