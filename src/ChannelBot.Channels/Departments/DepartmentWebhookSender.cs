using System.Net.Http.Headers;
using System.Text.Json;
using ChannelBot.Application.Delivery;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Departments;

/// <summary>
/// Delivers a case to its department's system: the payload the hand-off wrote, POSTed as JSON to the department's
/// webhook, signed (<see cref="DepartmentWebhookSignature"/>) and carrying the case's idempotency key, the same on every
/// try, so a system that got it before (an answer lost on the way back) recognises it. A 2xx is delivered (an
/// <c>id</c> or <c>service_request_id</c> in the answer is kept as the external id staff see); 408, 425, 429, 5xx and no
/// answer are tried again on the outbox's schedule; any other answer fails for good, for staff to see on the case.
/// </summary>
internal sealed partial class DepartmentWebhookSender(
    IHttpClientFactory http,
    IOptionsMonitor<DepartmentDeliveryOptions> options,
    TimeProvider clock,
    ILogger<DepartmentWebhookSender> logger) : IChannelSender
{
    public const string HttpClientName = "department-webhook";

    public bool Handles(string channelId) => string.Equals(channelId, DepartmentDelivery.WebhookChannel, StringComparison.Ordinal);

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = message.Activity;
        var department = activity.Conversation?.Id;
        if (options.CurrentValue.WebhookOf(department) is not { Url: { } url, Secret: { } secret })
        {
            return SendResult.Failed($"department '{department}' has no webhook configured (Departments:Webhooks:{department})");
        }

        if (activity.Value is not { ValueKind: JsonValueKind.Object } payload)
        {
            return SendResult.Failed("the delivery has no payload");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(DepartmentWebhookSignature.HeaderName, DepartmentWebhookSignature.Compute(secret, clock.GetUtcNow(), body));
        request.Headers.Add(DepartmentWebhookSignature.IdempotencyHeaderName, activity.Id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.CallTimeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token).ConfigureAwait(false);
            var answer = await ProviderResponse.ReadAsync(response, DepartmentAnswer.MaxBytes, timeout.Token).ConfigureAwait(false);
            return Classify(message, department!, response, answer);
        }
        catch (Exception exception) when (ProviderUnreachable.Classify(exception, "the department's system", options.CurrentValue.CallTimeout, cancellationToken) is { } unreachable)
        {
            LogRetry(message.Id, department!, unreachable.Reason);
            return SendResult.Retry(unreachable.Reason, unreachable.RetryAfter);
        }
    }

    private SendResult Classify(OutboundMessage message, string department, HttpResponseMessage response, byte[] answer)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var externalId = DepartmentAnswer.Field(answer, "service_request_id", "id");
            LogDelivered(message.Id, department, externalId);
            return SendResult.Sent(externalId);
        }

        var error = $"the department's system answered {status}";
        if (DepartmentAnswer.IsWorthRetrying(response))
        {
            LogRetry(message.Id, department, error);
            return SendResult.Retry(error, RetryAfterHeader.Read(response, clock));
        }

        LogFailed(message.Id, department, error);
        return SendResult.Failed(error);
    }

    [LoggerMessage(EventId = 4701, Level = LogLevel.Information, Message = "Outbox row {Id}: case delivered to {Department} (external id {ExternalId}).")]
    private partial void LogDelivered(long id, string department, string? externalId);

    [LoggerMessage(EventId = 4707, Level = LogLevel.Warning, Message = "Outbox row {Id}: delivering the case to {Department} will be tried again: {Error}.")]
    private partial void LogRetry(long id, string department, string error);

    [LoggerMessage(EventId = 4708, Level = LogLevel.Error, Message = "Outbox row {Id}: the case could not be delivered to {Department}: {Error}.")]
    private partial void LogFailed(long id, string department, string error);
}
