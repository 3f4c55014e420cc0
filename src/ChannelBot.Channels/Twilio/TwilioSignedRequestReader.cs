using ChannelBot.Channels.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// What every Twilio webhook checks before it looks at what Twilio says, in this order: channel configured (else
/// 403), signature header present (403), size (413), media type (415), body readable (400), signature over the raw
/// parameters and the configured public URL plus the route's path and query (403). Shared by
/// <see cref="TwilioMessageWebhook"/> and <see cref="TwilioStatusWebhook"/>, which also run through
/// <see cref="RespondAsync"/> so nothing a client sends ends in a 500.
/// </summary>
internal sealed class TwilioSignedRequestReader(IOptions<TwilioOptions> options, TwilioWebhookSigning signing, ILogger<TwilioSignedRequestReader> logger)
{
    private readonly TwilioOptions _options = options.Value;

    /// <summary>
    /// Runs <paramref name="process"/> and writes its answer: a client that went away gets nothing, a body broken
    /// off at the transport level a 4xx.
    /// </summary>
    public async Task RespondAsync(HttpContext context, Func<HttpContext, CancellationToken, Task<IResult>> process)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(process);
        IResult result;
        try
        {
            result = await process(context, context.RequestAborted).ConfigureAwait(false);
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

    /// <summary>The verified parameters of a request to <paramref name="path"/>, or the answer that refuses it.</summary>
    public async Task<(TwilioForm? Form, IResult? Refusal)> ReadAsync(HttpContext context, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!signing.IsOpen)
        {
            TwilioLog.NotConfigured(logger);
            return (null, TwilioResponses.Problem(StatusCodes.Status403Forbidden, "This endpoint does not accept requests: the Twilio channel is not configured."));
        }

        var signature = request.Headers[TwilioSignature.HeaderName];
        if (signature.Count != 1 || string.IsNullOrEmpty(signature[0]))
        {
            return (null, Forbidden(signature.Count == 0 ? "no X-Twilio-Signature header" : "an empty or repeated X-Twilio-Signature header"));
        }

        if (request.ContentLength > _options.MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !IsUtf8(mediaType))
        {
            return (null, UnsupportedMediaType());
        }

        var isJson = mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
        if (!isJson && !mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (null, UnsupportedMediaType());
        }

        var body = await BoundedBodyReader.ReadAsync(request, _options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return (null, TooLarge());
        }

        TwilioForm form;
        string? parseError;
        var parsed = isJson
            ? TwilioForm.TryParseJson(body.Bytes.Span, out form, out parseError)
            : TwilioForm.TryParseUrlEncoded(body.Bytes.Span, out form, out parseError);
        if (!parsed)
        {
            return (null, Refuse(StatusCodes.Status400BadRequest, parseError!));
        }

        var url = signing.SignedUrl(path, RawQuery(context));
        var valid = isJson
            ? TwilioSignature.IsValidWithBody(signing.AuthToken!, signature[0], url, body.Bytes.Span)
            : TwilioSignature.IsValid(signing.AuthToken!, signature[0], url, form.Parameters);
        if (!valid)
        {
            return (null, Forbidden(isJson ? "the signature or bodySHA256 does not match the body and the configured URL" : "the signature does not match the parameters and the configured URL"));
        }

        if (signing.TakeFirstDevelopmentUse())
        {
            TwilioLog.DevelopmentTokenUsed(logger);
        }

        return (form, null);
    }

    /// <summary>A refusal with its reason, logged.</summary>
    public IResult Refuse(int status, string reason)
    {
        TwilioLog.RequestRefused(logger, status, reason);
        return TwilioResponses.Problem(status, reason);
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
}
