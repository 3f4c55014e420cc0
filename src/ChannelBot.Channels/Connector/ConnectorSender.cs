using System.Net.Http.Headers;
using System.Net;
using ChannelBot.Application.Logging;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChannelBot.Channels.Connector;

/// <summary>
/// Delivers outbound activities to a Bot Framework channel's REST API at the activity's <c>serviceUrl</c>:
/// a reply (<c>replyToId</c> set) to <c>POST v3/conversations/{id}/activities/{replyToId}</c>, anything else
/// to <c>POST v3/conversations/{id}/activities</c>, with the bot's Bearer token when an App ID is configured.
/// <para>
/// It makes one attempt per call: the outbox dispatcher owns retries of whole sends (see the resilience
/// pipeline in the registration). The one exception is a 401, which proves the channel did not take the
/// message: the cached token is dropped and the same activity is sent once more with a fresh one.
/// </para>
/// <para>
/// Spec A7560: a bot should only send to a serviceUrl that arrived on an authenticated activity. This sender
/// posts wherever the activity says; inbound activities carry <c>callerId</c> = <c>urn:botframework:azure</c>
/// only when their token was validated, which is what the conversation reference should be judged by.
/// </para>
/// </summary>
public sealed class ConnectorSender(
    IHttpClientFactory httpClientFactory,
    ConnectorTokenClient tokenClient,
    IOptions<ConnectorOptions> options,
    TimeProvider timeProvider,
    ILogger<ConnectorSender> logger) : IChannelSender
{
    private const string CorrelationHeader = "X-Correlating-OperationId";

    private static readonly HashSet<string> SendableTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message,
        ActivityTypes.Typing,
        ActivityTypes.Event,
        ActivityTypes.EndOfConversation,
    };

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly ConnectorOptions _options = options.Value;
    private readonly HashSet<string> _handledChannelIds = new(options.Value.EffectiveHandledChannelIds, StringComparer.Ordinal);

    public bool Handles(string channelId) =>
        _options.HandleUnclaimedChannels || (channelId is not null && _handledChannelIds.Contains(channelId));

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = message.Activity;
        var invalid = Validate(activity);
        if (invalid is not null)
        {
            ConnectorLog.SendFailed(logger, message.Id, LogMask.Origin(activity.ServiceUrl), invalid, "-");
            return SendResult.Failed(invalid);
        }

        var uri = ConnectorRoutes.ActivitiesUri(activity.ServiceUrl, activity.Conversation!.Id!, activity.ReplyToId)!;
        var origin = LogMask.Origin(activity.ServiceUrl);
        var body = ActivityJson.SerializeToUtf8Bytes(activity);

        try
        {
            var token = await tokenClient.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var response = await PostAsync(uri, body, token, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null)
            {
                response.Dispose();
                ConnectorLog.TokenRefused(logger, message.Id, origin);
                tokenClient.Invalidate(token);
                token = await tokenClient.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                response = await PostAsync(uri, body, token, cancellationToken).ConfigureAwait(false);
            }

            using (response)
            {
                var result = await ConnectorSendClassifier.ClassifyAsync(response, timeProvider, cancellationToken).ConfigureAwait(false);
                Log(message, origin, activity.Type!, result, CorrelationOf(response));
                return result;
            }
        }
        catch (ConnectorTokenException exception)
        {
            return Retry(message, origin, $"no outbound token: {exception.Message}");
        }
        catch (Exception exception) when (ProviderUnreachable.Classify(exception, "the channel", _options.SendTimeout, cancellationToken) is { } unreachable)
        {
            return Retry(message, origin, unreachable.Reason, unreachable.RetryAfter);
        }
    }

    private static string? Validate(Activity activity)
    {
        if (activity.Type is null || !SendableTypes.Contains(activity.Type))
        {
            return $"activities of type '{activity.Type}' are not sent to Bot Framework channels";
        }

        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return "the activity has no conversation.id";
        }

        return ConnectorRoutes.TryParseServiceUrl(activity.ServiceUrl, out _)
            ? null
            : "the activity has no absolute http(s) serviceUrl";
    }

    private async Task<HttpResponseMessage> PostAsync(Uri uri, byte[] body, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = JsonContentType;
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var client = httpClientFactory.CreateClient(ConnectorHttpClients.Sender);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private SendResult Retry(OutboundMessage message, string origin, string error, TimeSpan? retryAfter = null)
    {
        ConnectorLog.SendRetry(logger, message.Id, origin, error, "-");
        return SendResult.Retry(error, retryAfter);
    }

    private void Log(OutboundMessage message, string origin, string type, SendResult result, string operationId)
    {
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                ConnectorLog.Sent(logger, message.Id, origin, type, result.ProviderMessageId ?? "(none)");
                break;
            case SendOutcome.RetryLater:
                ConnectorLog.SendRetry(logger, message.Id, origin, result.Error ?? string.Empty, operationId);
                break;
            default:
                ConnectorLog.SendFailed(logger, message.Id, origin, result.Error ?? string.Empty, operationId);
                break;
        }
    }

    private static string CorrelationOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(CorrelationHeader, out var values) ? string.Join(",", values) : "-";
}
