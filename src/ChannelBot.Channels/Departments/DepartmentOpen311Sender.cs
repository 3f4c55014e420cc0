using System.Text.Json;
using ChannelBot.Application.Delivery;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Departments;

/// <summary>
/// Delivers a case to its department's work-order system through that system's Open311 GeoReport v2 API:
/// <c>POST requests.json</c> with <see cref="Open311RequestForm"/>. The answer's <c>service_request_id</c> is kept as the
/// external id staff see (and status is later read back by it); a system that files asynchronously answers a
/// <c>token</c>, kept as <c>token:…</c> until the status reader learns the id. GeoReport v2 has no idempotency key: the
/// case's key goes in an <c>Idempotency-Key</c> header (systems that honour it recognise a retry); 408, 425, 429, 5xx and
/// no answer are tried again on the outbox's schedule, any other answer (an Open311 error list) fails for good, shown
/// to staff on the case with the system's own words.
/// </summary>
internal sealed partial class DepartmentOpen311Sender(
    IHttpClientFactory http,
    IOptionsMonitor<DepartmentDeliveryOptions> options,
    TimeProvider clock,
    ILogger<DepartmentOpen311Sender> logger) : IChannelSender
{
    public const string HttpClientName = "department-open311";

    public bool Handles(string channelId) => string.Equals(channelId, DepartmentDelivery.Open311Channel, StringComparison.Ordinal);

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = message.Activity;
        var department = activity.Conversation?.Id;
        if (options.CurrentValue.Open311Of(department) is not { Endpoint: { } endpoint } system)
        {
            return SendResult.Failed($"department '{department}' has no Open311 system configured (Departments:Open311:{department})");
        }

        if (activity.Value is not { ValueKind: JsonValueKind.Object } payload)
        {
            return SendResult.Failed("the delivery has no payload");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "requests.json"))
        {
            Content = new FormUrlEncodedContent(Open311RequestForm.Of(payload, system)),
        };
        request.Headers.Add(DepartmentWebhookSignature.IdempotencyHeaderName, activity.Id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.CallTimeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token).ConfigureAwait(false);
            var answer = await ProviderResponse.ReadAsync(response, DepartmentAnswer.MaxBytes, timeout.Token).ConfigureAwait(false);
            return Classify(message, department!, response, answer);
        }
        catch (Exception exception) when (ProviderUnreachable.Classify(exception, "the department's Open311 system", options.CurrentValue.CallTimeout, cancellationToken) is { } unreachable)
        {
            LogRetry(message.Id, department!, unreachable.Reason);
            return SendResult.Retry(unreachable.Reason, unreachable.RetryAfter);
        }
    }

    private SendResult Classify(OutboundMessage message, string department, HttpResponseMessage response, byte[] answer)
    {
        if (response.IsSuccessStatusCode)
        {
            var externalId = DepartmentAnswer.Field(answer, "service_request_id")
                ?? (DepartmentAnswer.Field(answer, "token") is { } token ? DepartmentDelivery.TokenPrefix + token : null);
            LogDelivered(message.Id, department, externalId);
            return SendResult.Sent(externalId);
        }

        var said = DepartmentAnswer.Field(answer, "description");
        var error = $"the department's Open311 system answered {(int)response.StatusCode}{(said is null ? string.Empty : $": {said}")}";
        if (DepartmentAnswer.IsWorthRetrying(response))
        {
            LogRetry(message.Id, department, error);
            return SendResult.Retry(error, RetryAfterHeader.Read(response, clock));
        }

        LogFailed(message.Id, department, error);
        return SendResult.Failed(error);
    }

    [LoggerMessage(EventId = 4731, Level = LogLevel.Information, Message = "Outbox row {Id}: case filed with {Department}'s Open311 system (service_request_id {ExternalId}).")]
    private partial void LogDelivered(long id, string department, string? externalId);

    [LoggerMessage(EventId = 4732, Level = LogLevel.Warning, Message = "Outbox row {Id}: filing the case with {Department}'s Open311 system will be tried again: {Error}.")]
    private partial void LogRetry(long id, string department, string error);

    [LoggerMessage(EventId = 4733, Level = LogLevel.Error, Message = "Outbox row {Id}: the case could not be filed with {Department}'s Open311 system: {Error}.")]
    private partial void LogFailed(long id, string department, string error);
}
