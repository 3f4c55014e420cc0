using ChannelBot.Application.Conversations;
using ChannelBot.Application.Logging;
using ChannelBot.Application.Messaging;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// One inbound-message webhook, <c>POST /api/twilio/messages</c>, in this order: channel configured (else 403),
/// signature header present (403), size (413), media type (415), body readable (400), signature over the raw
/// parameters and the configured public URL (403), message fields (400), consent keywords
/// (<see cref="TwilioKeywordHandler"/>: recorded, and kept from the dialog), then the inbox. The message is
/// acknowledged with empty TwiML only once the sink has made it durable (a redelivery included); the dialog
/// runs afterwards. When the inbox is down the answer is 503 with <c>Retry-After</c> (Twilio then calls the
/// Fallback URL). Nothing a client sends ends in a 500.
/// </summary>
public sealed class TwilioRequestHandler(
    IOptions<TwilioOptions> options,
    TwilioWebhookSigning signing,
    IInboundActivitySink sink,
    TwilioKeywordHandler keywords,
    IDeliveryStatusLog deliveries,
    IMessagingConsent consent,
    IOutboxResends resends,
    TimeProvider timeProvider,
    ILogger<TwilioRequestHandler> logger)
{
    private readonly TwilioOptions _options = options.Value;

    public Task HandleAsync(HttpContext context) => HandleAsync(context, TwilioRoutes.MessagesPath);

    /// <summary>
    /// A webhook on <paramref name="path"/>: <see cref="TwilioRoutes.MessagesPath"/> (inbound messages) or
    /// <see cref="TwilioRoutes.StatusPath"/> (status callbacks, verified the same way, see <see cref="RecordStatusAsync"/>).
    /// </summary>
    public async Task HandleAsync(HttpContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        IResult result;
        try
        {
            result = await ProcessAsync(context, path, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (BadHttpRequestException exception)
        {
            // The client broke the body off or sent it malformed at the transport level.
            result = Refuse(exception.StatusCode, "The request body could not be read.");
        }

        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private async Task<IResult> ProcessAsync(HttpContext context, string path, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!signing.IsOpen)
        {
            TwilioLog.NotConfigured(logger);
            return TwilioResponses.Problem(StatusCodes.Status403Forbidden, "This endpoint does not accept requests: the Twilio channel is not configured.");
        }

        var signature = request.Headers[TwilioSignature.HeaderName];
        if (signature.Count != 1 || string.IsNullOrEmpty(signature[0]))
        {
            return Forbidden(signature.Count == 0 ? "no X-Twilio-Signature header" : "an empty or repeated X-Twilio-Signature header");
        }

        if (request.ContentLength > _options.MaxBodyBytes)
        {
            return TooLarge();
        }

        var isJson = false;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !IsUtf8(mediaType))
        {
            return UnsupportedMediaType();
        }

        if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            isJson = true;
        }
        else if (!mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return UnsupportedMediaType();
        }

        var body = await BoundedBodyReader.ReadAsync(request, _options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return TooLarge();
        }

        TwilioForm form;
        string? parseError;
        var parsed = isJson
            ? TwilioForm.TryParseJson(body.Bytes.Span, out form, out parseError)
            : TwilioForm.TryParseUrlEncoded(body.Bytes.Span, out form, out parseError);
        if (!parsed)
        {
            return Refuse(StatusCodes.Status400BadRequest, parseError!);
        }

        var url = signing.SignedUrl(path, RawQuery(context));
        var valid = isJson
            ? TwilioSignature.IsValidWithBody(signing.AuthToken!, signature[0], url, body.Bytes.Span)
            : TwilioSignature.IsValid(signing.AuthToken!, signature[0], url, form.Parameters);
        if (!valid)
        {
            return Forbidden(isJson ? "the signature or bodySHA256 does not match the body and the configured URL" : "the signature does not match the parameters and the configured URL");
        }

        if (signing.TakeFirstDevelopmentUse())
        {
            TwilioLog.DevelopmentTokenUsed(logger);
        }

        if (path == TwilioRoutes.StatusPath)
        {
            return await RecordStatusAsync(context, form, cancellationToken).ConfigureAwait(false);
        }

        var inbound = TwilioActivityMapper.Map(form, timeProvider.GetUtcNow());
        switch (inbound.Kind)
        {
            case TwilioInboundKind.Invalid:
                return Refuse(StatusCodes.Status400BadRequest, inbound.Reason!);
            case TwilioInboundKind.Ignored:
                TwilioLog.MessageIgnored(logger, inbound.Reason!);
                return TwilioResponses.Acknowledge();
        }

        var activity = inbound.Activity!;
        if (inbound.Keyword != MessagingKeyword.None)
        {
            bool handled;
            try
            {
                handled = await keywords.HandleAsync(activity, inbound.Keyword, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                TwilioLog.SinkFailed(logger, exception, activity.ChannelId!, activity.Id!);
                return TwilioResponses.Unavailable(context, "The keyword could not be recorded; the message was not accepted.");
            }

            if (handled && inbound.Keyword is MessagingKeyword.OptOut or MessagingKeyword.Revocation)
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

            if (handled)
            {
                TwilioLog.KeywordHandled(logger, activity.ChannelId!, activity.Id!, LogMask.Id(activity.From!.Id), MessagingKeywords.NameOf(inbound.Keyword)!);
                return TwilioResponses.Acknowledge();
            }
        }

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
                MessagingKeywords.NameOf(inbound.Keyword) ?? "none");
        }

        return TwilioResponses.Acknowledge();
    }

    /// <summary>
    /// A verified status callback: the outbox row named by the callback URL's <c>outbox</c> parameter (or found by
    /// <c>MessageSid</c>) gets the reported status if it ranks higher than the one it has (duplicates and late
    /// arrivals change nothing), with <c>ErrorCode</c>. 21610/63014 on a callback also opt the address out.
    /// Answered 200 whatever the outcome for a well-formed callback (Twilio does not retry), 503 if it could not be stored.
    /// </summary>
    private async Task<IResult> RecordStatusAsync(HttpContext context, TwilioForm form, CancellationToken cancellationToken)
    {
        var sid = form["MessageSid"] ?? form["SmsSid"];
        var status = form["MessageStatus"] ?? form["SmsStatus"];
        if (string.IsNullOrWhiteSpace(sid) || sid.Length > TwilioActivityMapper.MaxSidLength || string.IsNullOrWhiteSpace(status) || status.Length > 64)
        {
            return Refuse(StatusCodes.Status400BadRequest, "A status callback needs a MessageSid and a MessageStatus.");
        }

        long? outboxId = long.TryParse(context.Request.Query[TwilioMessageComposer.OutboxParameter], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        var rank = Application.Messaging.DeliveryStatusRank.Of(status);
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

        if (WhatsAppTemplates.Find(_options, ProactiveNotification.Of(activity)) is null)
        {
            TwilioLog.LateWindowRefusalWithoutTemplate(logger, outboxId, sid);
            return;
        }

        var resend = await resends.ResendAsync(outboxId, TemplateOnlyResend.Of(activity, outboxId), cancellationToken).ConfigureAwait(false);
        TwilioLog.LateWindowRefusalResent(logger, outboxId, sid, resend ?? 0);
    }

    /// <summary>The query string exactly as the client sent it (with its <c>?</c>), or empty.</summary>
    private static string RawQuery(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(rawTarget))
        {
            var start = rawTarget.IndexOf('?', StringComparison.Ordinal);
            if (start < 0)
            {
                return string.Empty;
            }

            var fragment = rawTarget.IndexOf('#', start);
            return fragment < 0 ? rawTarget[start..] : rawTarget[start..fragment];
        }

        return context.Request.QueryString.Value ?? string.Empty;
    }

    private static bool IsUtf8(MediaTypeHeaderValue mediaType) =>
        !mediaType.Charset.HasValue
        || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || mediaType.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private IResult Forbidden(string reason)
    {
        TwilioLog.SignatureRejected(logger, reason);
        return TwilioResponses.Problem(StatusCodes.Status403Forbidden, "The request is not signed by Twilio for this URL.");
    }

    private IResult TooLarge() => Refuse(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {_options.MaxBodyBytes} bytes.");

    private IResult UnsupportedMediaType() => Refuse(
        StatusCodes.Status415UnsupportedMediaType,
        "The body must be application/x-www-form-urlencoded (or application/json with bodySHA256), UTF-8.");

    private IResult Refuse(int status, string reason)
    {
        TwilioLog.RequestRefused(logger, status, reason);
        return TwilioResponses.Problem(status, reason);
    }
}
