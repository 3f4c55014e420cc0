using System.Text.Json;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Logging;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChannelBot.Channels.Connector;

/// <summary>
/// One <c>/api/messages</c> request, in the SDK's order (<c>CloudAdapter.ProcessAsync</c>): method (405),
/// size (413), media type (415), JSON (400), <c>type</c> (400), token (401, or 503 when the signing keys cannot
/// be fetched: that is our outage, not the caller's fault), then by type. A stored activity is acknowledged
/// with 200 and an empty body only once the sink has made it durable, a redelivery included. Nothing a
/// client sends ends in a 500.
/// </summary>
internal sealed class ConnectorRequestHandler(
    IOptions<ConnectorOptions> options,
    ConnectorAuthenticator authenticator,
    IInboundActivitySink sink,
    ILogger<ConnectorRequestHandler> logger)
{
    private const string ExpectReplies = "expectReplies";

    private readonly ConnectorOptions _options = options.Value;

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IResult result;
        try
        {
            result = await ProcessAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private async Task<IResult> ProcessAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            request.HttpContext.Response.Headers.Allow = HttpMethods.Post;
            return Refuse(StatusCodes.Status405MethodNotAllowed, ConnectorErrorCodes.MethodNotAllowed, "Only POST is supported on /api/messages.");
        }

        if (request.ContentLength > _options.MaxBodyBytes)
        {
            return TooLarge();
        }

        if (!IsJson(request.ContentType))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, ConnectorErrorCodes.UnsupportedMediaType, "The body must be an activity sent as application/json (UTF-8).");
        }

        var body = await BoundedBodyReader.ReadAsync(request, _options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return TooLarge();
        }

        Activity activity;
        try
        {
            activity = ActivityJson.Deserialize(body.Bytes.Span);
        }
        catch (JsonException exception)
        {
            return Refuse(StatusCodes.Status400BadRequest, ConnectorErrorCodes.BadArgument, $"The body is not a JSON activity object: {FirstLine(exception.Message)}");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return Refuse(StatusCodes.Status400BadRequest, ConnectorErrorCodes.BadArgument, "The activity has no type.");
        }

        var authentication = await authenticator.AuthenticateAsync(request.Headers.Authorization, activity, cancellationToken).ConfigureAwait(false);
        switch (authentication.Status)
        {
            case ConnectorAuthenticationStatus.Rejected:
                ConnectorLog.AuthenticationRejected(logger, authentication.Reason);
                return ConnectorResponses.Error(StatusCodes.Status401Unauthorized, ConnectorErrorCodes.Unauthorized, "The request is not authorized for this bot.");
            case ConnectorAuthenticationStatus.Unavailable:
                ConnectorLog.AuthenticationUnavailable(logger, authentication.Reason);
                request.HttpContext.Response.Headers.RetryAfter = ConnectorResponses.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ConnectorResponses.Error(StatusCodes.Status503ServiceUnavailable, ConnectorErrorCodes.ServiceUnavailable, "The bot cannot check tokens right now; try again later.");
        }

        return ConnectorActivityMapper.DispositionOf(activity.Type) switch
        {
            ConnectorInboundDisposition.Store => await StoreAsync(activity, authentication, cancellationToken).ConfigureAwait(false),
            ConnectorInboundDisposition.NotImplemented => NotImplemented(activity),
            _ => Ignore(activity),
        };
    }

    private async Task<IResult> StoreAsync(Activity activity, ConnectorAuthenticationResult authentication, CancellationToken cancellationToken)
    {
        var missing = ConnectorActivityMapper.MissingField(activity);
        if (missing is not null)
        {
            var message = missing == "serviceUrl"
                ? "The activity has no absolute http(s) serviceUrl."
                : $"The activity has no {missing}.";
            return Refuse(StatusCodes.Status400BadRequest, ConnectorErrorCodes.BadArgument, message);
        }

        var inbound = ConnectorActivityMapper.ToInbound(activity, authentication.Status == ConnectorAuthenticationStatus.Authenticated);
        InboundAcceptance acceptance;
        try
        {
            acceptance = await sink.AcceptAsync(inbound, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ConnectorLog.SinkFailed(logger, exception, inbound.ChannelId!, inbound.Id!);
            return ConnectorResponses.Error(StatusCodes.Status503ServiceUnavailable, ConnectorErrorCodes.ServiceUnavailable, "The activity could not be stored; send it again later.");
        }

        if (acceptance == InboundAcceptance.Refused)
        {
            return Refuse(StatusCodes.Status400BadRequest, ConnectorErrorCodes.BadArgument, InboundLimits.Problem(inbound) ?? "The activity cannot be stored.");
        }

        if (acceptance == InboundAcceptance.Duplicate)
        {
            ConnectorLog.ActivityDuplicate(logger, inbound.ChannelId!, inbound.Id!);
        }
        else
        {
            ConnectorLog.ActivityAccepted(
                logger,
                inbound.Type!,
                inbound.ChannelId!,
                LogMask.Id(inbound.Conversation!.Id),
                inbound.Id!,
                LogMask.Id(inbound.From!.Id),
                authentication.Issuer ?? "anonymous");
        }

        return string.Equals(inbound.DeliveryMode, ExpectReplies, StringComparison.Ordinal)
            ? ConnectorResponses.NoReplies()
            : ConnectorResponses.Ok();
    }

    private IResult NotImplemented(Activity activity)
    {
        ConnectorLog.InvokeNotImplemented(logger, activity.Name ?? "(unnamed)");
        return ConnectorResponses.Error(StatusCodes.Status501NotImplemented, ConnectorErrorCodes.NotImplemented, "This bot does not handle invoke activities.");
    }

    private IResult Ignore(Activity activity)
    {
        ConnectorLog.ActivityIgnored(logger, activity.Type!);
        return ConnectorResponses.Ok();
    }

    private IResult TooLarge() => Refuse(
        StatusCodes.Status413PayloadTooLarge,
        ConnectorErrorCodes.MessageSizeTooBig,
        $"The activity is larger than {_options.MaxBodyBytes} bytes.");

    private IResult Refuse(int status, string code, string message)
    {
        ConnectorLog.RequestRefused(logger, status, code, message);
        return ConnectorResponses.Error(status, code, message);
    }

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !mediaType.Charset.HasValue
            || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || mediaType.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
