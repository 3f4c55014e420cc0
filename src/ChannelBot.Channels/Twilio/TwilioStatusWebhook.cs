using System.Globalization;
using ChannelBot.Application.Messaging;
using ChannelBot.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// The delivery status callback, <c>POST /api/twilio/status</c>, verified like every Twilio webhook
/// (<see cref="TwilioSignedRequestReader"/>): the outbox row named by the callback URL's <c>outbox</c> parameter (or
/// found by <c>MessageSid</c>) gets the reported status if it ranks higher than the one it has (duplicates and late
/// arrivals change nothing), with <c>ErrorCode</c>. 21610/63014 on a callback also opt the address out; a 63016 on a
/// WhatsApp notification sends it again as its template. Answered 200 whatever the outcome for a well-formed callback
/// (Twilio does not retry), 503 if it could not be stored.
/// </summary>
internal sealed class TwilioStatusWebhook(
    TwilioSignedRequestReader reader,
    IOptions<TwilioOptions> options,
    IDeliveryStatusLog deliveries,
    IMessagingConsent consent,
    IOutboxResends resends,
    TimeProvider timeProvider,
    ILogger<TwilioStatusWebhook> logger)
{
    public Task HandleAsync(HttpContext context) => reader.RespondAsync(context, ProcessAsync);

    private async Task<IResult> ProcessAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (form, refusal) = await reader.ReadAsync(context, TwilioRoutes.StatusPath, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var sid = form!["MessageSid"] ?? form["SmsSid"];
        var status = form["MessageStatus"] ?? form["SmsStatus"];
        if (string.IsNullOrWhiteSpace(sid) || sid.Length > TwilioActivityMapper.MaxSidLength || string.IsNullOrWhiteSpace(status) || status.Length > 64)
        {
            return reader.Refuse(StatusCodes.Status400BadRequest, "A status callback needs a MessageSid and a MessageStatus.");
        }

        long? outboxId = long.TryParse(context.Request.Query[TwilioMessageComposer.OutboxParameter], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        var rank = DeliveryStatusRank.Of(status);
        var errorCode = form["ErrorCode"] is { Length: > 0 and <= 64 } code ? code : null;
        var now = timeProvider.GetUtcNow();
        try
        {
            if (rank == 0)
            {
                TwilioLog.StatusIgnored(logger, sid, status);
                return TwilioResponses.Acknowledge();
            }

            var outcome = await deliveries.RecordAsync(new DeliveryReport(outboxId, sid, status, rank, errorCode, now), cancellationToken).ConfigureAwait(false);
            TwilioLog.StatusRecorded(logger, sid, status, errorCode ?? "-", outcome.ToString());
            if (errorCode == "63016" && outcome == DeliveryReportOutcome.Applied && outboxId is { } refused)
            {
                await ResendAsTemplateAsync(refused, sid, cancellationToken).ConfigureAwait(false);
            }

            if (errorCode is "21610" or "63014" && form["To"] is { Length: > 0 and <= TwilioActivityMapper.MaxAddressLength } to)
            {
                var channelId = to.StartsWith(TwilioActivityMapper.WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? ChannelIds.WhatsApp : ChannelIds.Sms;
                await consent.RecordAsync(new ConsentChange(channelId, to, OptedOut: true, "twilio:" + errorCode + " " + sid, now), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TwilioLog.SinkFailed(logger, exception, "status", sid);
            return TwilioResponses.Unavailable(context, "The status could not be stored.");
        }

        return TwilioResponses.Acknowledge();
    }

    /// <summary>
    /// A WhatsApp message Twilio accepted and then failed with 63016 (the window had closed): a notification with a
    /// template goes again as that template, once (the 63016 is applied to the row once; a resend is never resent);
    /// without one the row keeps its recorded failure, 63016, for staff to see.
    /// </summary>
    private async Task ResendAsTemplateAsync(long outboxId, string sid, CancellationToken cancellationToken)
    {
        var activity = await resends.FindActivityAsync(outboxId, cancellationToken).ConfigureAwait(false);
        if (activity is null || activity.ChannelId != ChannelIds.WhatsApp || TemplateOnlyResend.IsMarked(activity))
        {
            return;
        }

        if (WhatsAppTemplates.Find(options.Value, ProactiveNotification.Of(activity)) is null)
        {
            TwilioLog.LateWindowRefusalWithoutTemplate(logger, outboxId, sid);
            return;
        }

        var resend = await resends.ResendAsync(outboxId, TemplateOnlyResend.Of(activity, outboxId), cancellationToken).ConfigureAwait(false);
        TwilioLog.LateWindowRefusalResent(logger, outboxId, sid, resend ?? 0);
    }
}
