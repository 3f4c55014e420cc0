using System.Globalization;
using ChannelBot.Application.Logging;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Common;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Before a row that was tried before is sent again (creating a message is not idempotent, channels.md §7.3): first
/// the sid a status callback may have recorded for the row, then Twilio's own list of recent messages to the address
/// (<c>GET Messages.json?To=…</c>), looking for one with the same body created since the row was written (less
/// <see cref="TwilioSender.ReconcileSkew"/>) and not already recorded for another outbox row. A template send is
/// recognised in that list by its rendered text containing every value filled in.
/// </summary>
internal sealed class TwilioReconciler(TwilioMessagesApi api, IDeliveryStatusLog deliveries, TimeProvider timeProvider, ILogger logger)
{
    private const int PageSize = 20;
    private const int MaxBodyBytes = 256 * 1024;

    /// <returns>The result when the message turns out to exist already (or the look-up failed); null to send it.</returns>
    public async Task<SendResult?> ReconcileAsync(OutboundMessage message, TwilioOutbound outbound, CancellationToken cancellationToken)
    {
        var to = LogMask.Id(outbound.To);
        var known = await deliveries.FindProviderMessageIdAsync(message.Id, cancellationToken).ConfigureAwait(false);
        if (known is not null)
        {
            TwilioLog.Reconciled(logger, message.Id, to, known, "a status callback");
            return SendResult.Sent(known);
        }

        using var request = api.Request(HttpMethod.Get, "?To=" + Uri.EscapeDataString(outbound.To) + "&PageSize=" + PageSize.ToString(CultureInfo.InvariantCulture));
        using var response = await api.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await ProviderResponse.ReadAsync(response, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return Retry(message, to, $"reconciling failed: Twilio answered {(int)response.StatusCode} to the message list; not resent", RetryAfterHeader.Read(response, timeProvider));
        }

        var page = ProviderResponse.Parse(bytes, TwilioJsonContext.Default.TwilioMessagePage);
        if (page is null)
        {
            return Retry(message, to, "reconciling failed: the message list could not be read; not resent");
        }

        // Twilio lists the newest first: the oldest candidate is the likeliest to be this row's (rows go in order).
        // One already recorded for another row is that row's message, the same text sent twice within minutes.
        var since = message.Activity.Timestamp is { } created ? created - TwilioSender.ReconcileSkew : (DateTimeOffset?)null;
        var candidates = (page.Messages ?? []).Where(m => IsSameMessage(m, outbound, since)).Reverse().ToList();
        var claimed = candidates.Count == 0
            ? new HashSet<string>(StringComparer.Ordinal)
            : await deliveries.ClaimedByOthersAsync(message.Id, [.. candidates.Select(c => c.Sid!)], cancellationToken).ConfigureAwait(false);
        var match = candidates.FirstOrDefault(c => !claimed.Contains(c.Sid!));
        if (match is not null)
        {
            TwilioLog.Reconciled(logger, message.Id, to, match.Sid!, "the message list");
            return SendResult.Sent(match.Sid);
        }

        TwilioLog.NotFoundResending(logger, message.Id, to);
        return null;
    }

    private static bool IsSameMessage(TwilioMessageResource candidate, TwilioOutbound outbound, DateTimeOffset? since)
    {
        if (string.IsNullOrEmpty(candidate.Sid)
            || !string.Equals(candidate.To, outbound.To, StringComparison.OrdinalIgnoreCase)
            || candidate.Direction?.StartsWith("outbound", StringComparison.Ordinal) == false
            || !(string.Equals(Normalize(candidate.Body), Normalize(outbound.Body), StringComparison.Ordinal) || IsRenderedTemplate(candidate.Body, outbound.Content)))
        {
            return false;
        }

        if (since is null)
        {
            return true;
        }

        return TwilioDates.TryParse(candidate.DateCreated, out var created) && created >= since.Value;
    }

    /// <summary>A template's message is listed with its rendered text: it holds every value that was filled in.</summary>
    private static bool IsRenderedTemplate(string? body, TwilioContent? content) =>
        content is not null
        && !string.IsNullOrEmpty(body)
        && content.Values.Any(v => !string.IsNullOrWhiteSpace(v))
        && content.Values.Where(v => !string.IsNullOrWhiteSpace(v)).All(v => body.Contains(v, StringComparison.Ordinal));

    private static string Normalize(string? body) => (body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private SendResult Retry(OutboundMessage message, string to, string error, TimeSpan? retryAfter = null)
    {
        TwilioLog.SendRetry(logger, message.Id, message.ChannelId, to, error);
        return SendResult.Retry(error, retryAfter);
    }
}
