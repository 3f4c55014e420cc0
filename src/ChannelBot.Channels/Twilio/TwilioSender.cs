using System.Globalization;
using System.Text.Json;
using ChannelBot.Application.Logging;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Sends <c>sms</c> and <c>whatsapp</c> activities through Twilio's REST API:
/// <c>POST {ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>, form-encoded, Basic auth
/// <c>AccountSid:AuthToken</c> (fields: <see cref="TwilioMessageComposer"/>; answers: <see cref="TwilioSendClassifier"/>).
/// <para>
/// An opted-out address is never messaged: the sender asks <see cref="IMessagingConsent"/> first and fails the
/// row for good (the one confirmation of the opt-out itself excepted). Twilio's 21610/63014 record the opt-out.
/// </para>
/// <para>
/// Creating a message is not idempotent, and a 5xx, a timeout or a broken connection leaves it unknown whether
/// Twilio created it. So a row that was tried before is reconciled before it is sent again (channels.md §7.3):
/// first the sid a status callback may have recorded for the row (the callback URL names the row), then
/// Twilio's own list of recent messages to the address (<c>GET Messages.json?To=…</c>), looking for one with
/// the same body created since the row was written (less two minutes of clock skew) and not already recorded for
/// another outbox row (the same text sent twice within minutes must not be taken for this one). Only when neither
/// finds it is the message sent again; when
/// the look-up itself fails, the send waits for the next try (<see cref="TwilioReconciler"/>).
/// </para>
/// <para>
/// WhatsApp: free-form inside 24 hours of the resident's last message (<see cref="ILastInboundLookup"/>, read at
/// send time); outside it, or when Twilio answers 63016, the notification's approved Content template
/// (<see cref="WhatsAppTemplates"/>, by the purpose and language marked on the activity,
/// <see cref="ProactiveNotification"/>). No template for it: failed for good, "outside the WhatsApp window and no
/// template configured", which staff see on the case's messages (<see cref="TwilioWhatsAppWindow"/>).
/// </para>
/// </summary>
public sealed class TwilioSender(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<TwilioOptions> options,
    TwilioWebhookSigning signing,
    IMessagingConsent consent,
    OptOutGate optOuts,
    IDeliveryStatusLog deliveries,
    ILastInboundLookup lastInbound,
    TimeProvider timeProvider,
    ILogger<TwilioSender> logger) : IChannelSender
{
    /// <summary>The start of the error of a WhatsApp message that could only go as a template and has none.</summary>
    public const string NoTemplateError = "outside the WhatsApp window and no template configured";

    /// <summary>How far before the row's creation a reconciled message may have been created (clock skew).</summary>
    public static readonly TimeSpan ReconcileSkew = TimeSpan.FromMinutes(2);

    private const int MaxBodyBytes = 256 * 1024;

    private readonly TwilioMessagesApi _api = new(httpClientFactory, options);
    private readonly TwilioWhatsAppWindow _window = new(options, signing, lastInbound, timeProvider);
    private readonly TwilioReconciler _reconciler = new(new(httpClientFactory, options), deliveries, timeProvider, logger);

    /// <summary>The current options: read per send, so a change while the app runs (a reload) is taken.</summary>
    private TwilioOptions Options => options.CurrentValue;

    public bool Handles(string channelId) => channelId is ChannelIds.Sms or ChannelIds.WhatsApp;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = message.Activity;
        activity.ChannelId ??= message.ChannelId;
        if (!activity.IsType(ActivityTypes.Message))
        {
            // Typing indicators and events have no SMS or WhatsApp form: nothing to deliver.
            TwilioLog.SendSkipped(logger, message.Id, activity.Type ?? "(none)");
            return SendResult.Sent(null);
        }

        var settings = Options;
        if (string.IsNullOrWhiteSpace(settings.AccountSid) || string.IsNullOrWhiteSpace(settings.AuthToken))
        {
            return Fail(message, "(none)", "the Twilio channel has no Twilio:AccountSid and Twilio:AuthToken to send with");
        }

        if (!TwilioMessageComposer.TryCompose(message.Id, activity, settings, signing.PublicBaseUrl, out var outbound, out var invalid))
        {
            return Fail(message, LogMask.Id(activity.Conversation?.Id), invalid!);
        }

        var to = LogMask.Id(outbound!.To);
        if (await optOuts.RefusalAsync(message.ChannelId, outbound.To, activity, cancellationToken).ConfigureAwait(false) is { } optedOut)
        {
            return Fail(message, to, optedOut);
        }

        if (message.ChannelId == ChannelIds.WhatsApp)
        {
            var window = await _window.DecideAsync(message, outbound, cancellationToken).ConfigureAwait(false);
            if (window.Failure is { } refused)
            {
                return Fail(message, to, refused);
            }

            outbound = window.Outbound;
        }

        try
        {
            if (message.TriedBefore)
            {
                var reconciled = await _reconciler.ReconcileAsync(message, outbound, cancellationToken).ConfigureAwait(false);
                if (reconciled is not null)
                {
                    return reconciled;
                }
            }

            var result = await PostAsync(message, outbound, to, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == SendOutcome.Failed && outbound.Content is null && message.ChannelId == ChannelIds.WhatsApp
                && result.Error?.Contains(TwilioSendClassifier.OutsideWindowMarker, StringComparison.Ordinal) == true)
            {
                // 63016: Twilio says the window is closed (our clock or record disagrees). Nothing was created: the
                // template goes once, right away, or the message fails as having none.
                var template = _window.TemplateFor(message, outbound);
                if (template is null)
                {
                    return Fail(message, to, NoTemplateError + " (Twilio answered 63016: the resident's 24-hour window is closed; " + TwilioWhatsAppWindow.MissingTemplate(message.Activity) + ")");
                }

                TwilioLog.TemplateFallback(logger, message.Id, to);
                return await PostAsync(message, template, to, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        catch (Exception exception) when (ProviderUnreachable.Classify(exception, "Twilio", settings.SendTimeout, cancellationToken) is { } unreachable)
        {
            // Twilio may have created the message before the answer was lost: the next try reconciles first.
            return Retry(message, to, unreachable.Reason + "; the next try reconciles first", unreachable.RetryAfter);
        }
    }

    private async Task<SendResult> PostAsync(OutboundMessage message, TwilioOutbound outbound, string to, CancellationToken cancellationToken)
    {
        using var request = _api.Request(HttpMethod.Post);
        request.Content = new FormUrlEncodedContent(outbound.Fields);
        using var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var bytes = await ProviderResponse.ReadAsync(response, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var verdict = TwilioSendClassifier.Classify(
            status,
            response.IsSuccessStatusCode ? ProviderResponse.Parse(bytes, TwilioJsonContext.Default.TwilioMessageResource) : null,
            response.IsSuccessStatusCode ? null : ProviderResponse.Parse(bytes, TwilioJsonContext.Default.TwilioApiError),
            RetryAfterHeader.Read(response, timeProvider));

        if (verdict.OptedOut)
        {
            await consent.RecordAsync(
                new ConsentChange(message.ChannelId, outbound.To, OptedOut: true, Source: "twilio:" + status.ToString(CultureInfo.InvariantCulture) + " " + verdict.Result.Error, timeProvider.GetUtcNow()),
                cancellationToken).ConfigureAwait(false);
        }

        var result = verdict.Result;
        switch (result.Outcome)
        {
            case SendOutcome.Sent when outbound.Content is { } content:
                TwilioLog.TemplateSent(logger, message.Id, to, result.ProviderMessageId!, content.Purpose, content.Language, content.ContentSid);
                return result;
            case SendOutcome.Sent:
                var size = SmsSegments.Measure(outbound.Body);
                TwilioLog.Sent(logger, message.Id, message.ChannelId, to, result.ProviderMessageId!, size.Segments, size.Encoding.ToString(), outbound.MediaUrls.Count);
                return result;
            case SendOutcome.RetryLater:
                TwilioLog.SendRetry(logger, message.Id, message.ChannelId, to, result.Error!);
                return result;
            default:
                TwilioLog.SendFailed(logger, message.Id, message.ChannelId, to, result.Error!);
                return result;
        }
    }

    private SendResult Fail(OutboundMessage message, string to, string error)
    {
        TwilioLog.SendFailed(logger, message.Id, message.ChannelId, to, error);
        return SendResult.Failed(error);
    }

    private SendResult Retry(OutboundMessage message, string to, string error, TimeSpan? retryAfter = null)
    {
        TwilioLog.SendRetry(logger, message.Id, message.ChannelId, to, error);
        return SendResult.Retry(error, retryAfter);
    }
}
