using System.Text.Json;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Logging;
using ChannelBot.Application.Messaging;
using ChannelBot.Channels.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// The Meta webhook's events, <c>POST /api/meta/webhook</c> (the <c>GET</c> handshake is
/// <see cref="MetaSubscriptionHandshake"/>).
/// <para>
/// <c>POST</c> carries events, checked in this order: channel configured (else 403), <c>X-Hub-Signature-256</c>
/// present (403; the SHA-1 <c>X-Hub-Signature</c> alone is not enough), size (413), media type (415), signature
/// over the raw bytes (403), JSON envelope (400). Then every messaging event of every entry, once and in order:
/// messages and postbacks go to the inbox (keyed by <c>mid</c>: a redelivery is dropped there), consent keywords
/// are handled first, delivery and read receipts are recorded against our outbound messages, echoes and
/// anything else are skipped. The answer is 200 once all of it is durable; 503 when the inbox is down (Meta
/// redelivers). Nothing a client sends ends in a 500.
/// </para>
/// </summary>
internal sealed class MetaRequestHandler(
    IOptions<MetaOptions> options,
    MetaWebhookSigning signing,
    IInboundActivitySink sink,
    MetaKeywordHandler keywords,
    IDeliveryStatusLog deliveries,
    IMessengerWindows windows,
    MessengerSentLog sentLog,
    MessengerTypingIndicator typing,
    TimeProvider timeProvider,
    ILogger<MetaRequestHandler> logger)
{
    private readonly MetaOptions _options = options.Value;

    /// <summary><c>POST /api/meta/webhook</c>: a batch of events.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IResult result;
        try
        {
            result = await ProcessAsync(context, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (BadHttpRequestException exception)
        {
            result = Refuse(exception.StatusCode, "The request body could not be read.");
        }

        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private async Task<IResult> ProcessAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!signing.IsOpen)
        {
            MetaLog.NotConfigured(logger);
            return MetaResponses.Problem(StatusCodes.Status403Forbidden, "This endpoint does not accept requests: the Meta channel is not configured.");
        }

        var signature = request.Headers[MetaSignature.HeaderName];
        if (signature.Count != 1 || string.IsNullOrEmpty(signature[0]))
        {
            return Forbidden(signature.Count == 0
                ? (request.Headers.ContainsKey(MetaSignature.LegacyHeaderName) ? "only the SHA-1 X-Hub-Signature header, which is not accepted" : "no X-Hub-Signature-256 header")
                : "an empty or repeated X-Hub-Signature-256 header");
        }

        if (request.ContentLength > _options.MaxBodyBytes)
        {
            return TooLarge();
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !mediaType.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "The body must be application/json, UTF-8.");
        }

        var body = await BoundedBodyReader.ReadAsync(request, _options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return TooLarge();
        }

        if (!MetaSignature.IsValid(signing.AppSecret!, signature[0], body.Bytes.Span))
        {
            return Forbidden("the signature does not match the body");
        }

        if (signing.TakeFirstDevelopmentUse())
        {
            MetaLog.DevelopmentSecretUsed(logger);
        }

        // JsonDocument keeps property names as raw bytes: ill-formed UTF-8 in one would only fail (with a 500) when the
        // mapper reads it. Meta sends UTF-8; anything else is refused here, whole.
        if (!System.Text.Unicode.Utf8.IsValid(body.Bytes.Span))
        {
            return Refuse(StatusCodes.Status400BadRequest, "The body is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Bytes, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "The body is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("object", out var product) || product.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                return Refuse(StatusCodes.Status400BadRequest, "The body is not a webhook event: it needs \"object\" and an \"entry\" array.");
            }

            if (!string.Equals(product.GetString(), "page", StringComparison.Ordinal))
            {
                MetaLog.EventIgnored(logger, $"events of object '{Shorten(product.GetString())}', which this endpoint does not serve");
                return MetaResponses.Acknowledge();
            }

            return await ProcessEntriesAsync(context, entries, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IResult> ProcessEntriesAsync(HttpContext context, JsonElement entries, CancellationToken cancellationToken)
    {
        var receivedAt = timeProvider.GetUtcNow();
        var counts = new MetaBatchCounts();
        foreach (var entry in entries.EnumerateArray())
        {
            counts.Entries++;
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return Refuse(StatusCodes.Status400BadRequest, "An entry is not an object.");
            }

            if (!entry.TryGetProperty("messaging", out var items))
            {
                continue;
            }

            if (items.ValueKind != JsonValueKind.Array)
            {
                return Refuse(StatusCodes.Status400BadRequest, "An entry's \"messaging\" is not an array.");
            }

            foreach (var item in items.EnumerateArray())
            {
                var inbound = MetaActivityMapper.Map(item, signing.PageId, receivedAt);
                try
                {
                    await ProcessAsync(inbound, counts, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    MetaLog.SinkFailed(logger, exception, inbound.Kind.ToString(), inbound.Activity?.Id ?? LogMask.Id(inbound.ResidentId));
                    return MetaResponses.Unavailable(context, "An event could not be stored; the batch was not accepted.");
                }
            }
        }

        MetaLog.BatchProcessed(logger, counts.Entries, counts.Messages, counts.Duplicates, counts.Receipts, counts.Echoes, counts.Skipped);
        return MetaResponses.Acknowledge();
    }

    private async Task ProcessAsync(MetaInbound inbound, MetaBatchCounts counts, CancellationToken cancellationToken)
    {
        switch (inbound.Kind)
        {
            case MetaInboundKind.Message:
                await AcceptAsync(inbound, counts, cancellationToken).ConfigureAwait(false);
                break;
            case MetaInboundKind.Delivery:
                counts.Receipts++;
                foreach (var mid in inbound.Mids ?? [])
                {
                    await RecordReceiptAsync(inbound.ResidentId!, mid, MessengerReceipt.Delivered, inbound.At!.Value, cancellationToken).ConfigureAwait(false);
                }

                if (inbound.Watermark is { } delivered)
                {
                    foreach (var mid in sentLog.Before(inbound.ResidentId!, delivered, MessengerReceipt.Delivered))
                    {
                        await RecordReceiptAsync(inbound.ResidentId!, mid, MessengerReceipt.Delivered, inbound.At!.Value, cancellationToken).ConfigureAwait(false);
                    }
                }

                break;
            case MetaInboundKind.Read:
                counts.Receipts++;
                foreach (var mid in sentLog.Before(inbound.ResidentId!, inbound.Watermark!.Value, MessengerReceipt.Read))
                {
                    await RecordReceiptAsync(inbound.ResidentId!, mid, MessengerReceipt.Read, inbound.At!.Value, cancellationToken).ConfigureAwait(false);
                }

                break;
            case MetaInboundKind.Echo:
                counts.Echoes++;
                break;
            case MetaInboundKind.Invalid:
                counts.Skipped++;
                MetaLog.EventInvalid(logger, inbound.Reason!);
                break;
            default:
                counts.Skipped++;
                MetaLog.EventIgnored(logger, inbound.Reason!);
                break;
        }
    }

    private async Task AcceptAsync(MetaInbound inbound, MetaBatchCounts counts, CancellationToken cancellationToken)
    {
        var activity = inbound.Activity!;
        var from = activity.From!.Id!;
        await windows.RecordInboundAsync(from, inbound.At!.Value, cancellationToken).ConfigureAwait(false);
        if (inbound.Keyword != MessagingKeyword.None
            && await keywords.HandleAsync(activity, inbound.Keyword, cancellationToken).ConfigureAwait(false))
        {
            counts.Messages++;
            MetaLog.KeywordHandled(logger, activity.Id!, LogMask.Id(from), MessagingKeywords.NameOf(inbound.Keyword)!);
            return;
        }

        var acceptance = await sink.AcceptAsync(activity, cancellationToken).ConfigureAwait(false);
        if (acceptance == InboundAcceptance.Refused)
        {
            counts.Skipped++;
            return;
        }

        if (acceptance == InboundAcceptance.Duplicate)
        {
            counts.Duplicates++;
            MetaLog.MessageDuplicate(logger, activity.Id!);
            return;
        }

        counts.Messages++;
        typing.Signal(from);
        MetaLog.MessageAccepted(
            logger,
            activity.Id!,
            LogMask.Id(from),
            activity.Attachments?.Count ?? 0,
            activity.Entities is { Count: > 0 },
            MessagingKeywords.NameOf(inbound.Keyword) ?? "none");
    }

    private async Task RecordReceiptAsync(string psid, string mid, MessengerReceipt receipt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var status = receipt == MessengerReceipt.Read ? "read" : "delivered";
        var outcome = await deliveries.RecordAsync(new DeliveryReport(null, mid, status, DeliveryStatusRank.Of(status), null, at), cancellationToken).ConfigureAwait(false);
        sentLog.Mark(psid, mid, receipt);
        MetaLog.ReceiptRecorded(logger, mid, status, outcome.ToString());
    }

    private static string Shorten(string? value) => value is null ? "(none)" : value.Length > 40 ? value[..40] + "…" : value;

    private IResult Forbidden(string reason)
    {
        MetaLog.SignatureRejected(logger, reason);
        return MetaResponses.Problem(StatusCodes.Status403Forbidden, "The request is not signed with this app's secret (X-Hub-Signature-256).");
    }

    private IResult TooLarge() => Refuse(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {_options.MaxBodyBytes} bytes.");

    private IResult Refuse(int status, string reason)
    {
        MetaLog.RequestRefused(logger, status, reason);
        return MetaResponses.Problem(status, reason);
    }
}
