using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using ChannelBot.Application.Logging;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// Sends <c>facebook</c> activities through the Messenger Send API:
/// <c>POST {GraphBaseUrl}/{GraphVersion}/me/messages</c>, JSON, <c>Authorization: Bearer</c> with the Page access
/// token (and <c>appsecret_proof</c> when the app secret is configured). Bodies: <see cref="MetaMessageComposer"/>;
/// answers: <see cref="MetaSendClassifier"/>. A <c>typing</c> activity becomes the <c>typing_on</c> sender action.
/// <para>
/// Before it sends: an opted-out resident is never messaged (the one confirmation of the opt-out excepted); and
/// Messenger's standard window is kept (the resident's last message from <see cref="IMessengerWindows"/>, durable in
/// the conversation store). Inside the window everything goes as <c>RESPONSE</c>. Outside it a notification goes as
/// its purpose's utility message template (<see cref="MetaOptions.UtilityTemplates"/>, <c>messaging_type</c>
/// <c>UTILITY</c>); anything else fails for good with "cannot notify on Messenger" — no message tag is ever used (the
/// update tags are retired). When the window is not known, Meta decides and its 10/2018278 is classified the same way.
/// </para>
/// <para>
/// The Send API is not idempotent and offers no look-up of what was sent, so a timeout or a 5xx is retried: a
/// resident may, rarely, get a message twice, never lose one. Only the Page token is attached, only to the Graph host.
/// </para>
/// </summary>
public sealed class MetaSender(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<MetaOptions> options,
    OptOutGate optOuts,
    IMessengerWindows windows,
    MessengerSentLog sentLog,
    TimeProvider timeProvider,
    ILogger<MetaSender> logger) : IChannelSender
{
    private const int MaxResponseBytes = 64 * 1024;

    /// <summary>The current options: read per send, so a change while the app runs (a reload) is taken.</summary>
    private MetaOptions Options => options.CurrentValue;

    private string? PageAccessToken => Options.PageAccessToken;

    /// <summary>
    /// <c>facebook</c>, when a Page access token is configured. Without one the channel id is left to the
    /// Connector (a bot registered with Azure Bot Service gets Messenger through it).
    /// </summary>
    public bool Handles(string channelId) =>
        string.Equals(channelId, ChannelIds.Facebook, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(PageAccessToken);

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = message.Activity;
        var isTyping = activity.IsType(ActivityTypes.Typing);
        if (!activity.IsType(ActivityTypes.Message) && !isTyping)
        {
            MetaLog.SendSkipped(logger, message.Id, activity.Type ?? "(none)");
            return SendResult.Sent(null);
        }

        var psid = MetaMessageComposer.RecipientOf(activity);
        if (string.IsNullOrWhiteSpace(PageAccessToken))
        {
            return Fail(message, LogMask.Id(psid), "the Meta channel has no Meta:PageAccessToken to send with");
        }

        if (string.IsNullOrEmpty(psid))
        {
            return Fail(message, "(none)", "the activity has no conversation.id (the resident's PSID)");
        }

        var to = LogMask.Id(psid);
        if (await optOuts.RefusalAsync(ChannelIds.Facebook, psid, activity, cancellationToken).ConfigureAwait(false) is { } optedOut)
        {
            return Fail(message, to, optedOut);
        }

        var now = timeProvider.GetUtcNow();
        var last = await windows.LastInboundAsync(psid, cancellationToken).ConfigureAwait(false);
        MetaOutbound? outbound = null;
        if (last is { } lastInbound && !ConversationWindow.IsOpen(lastInbound, now))
        {
            if (isTyping)
            {
                return SendResult.Sent(null);   // nobody is typing to a resident who is not in the conversation
            }

            var notification = ProactiveNotification.Of(activity);
            if (MessengerUtilityTemplates.Find(Options, notification) is not { } template)
            {
                var hours = (int)(now - lastInbound).TotalHours;
                var missing = notification is null ? "only notifications with a purpose can be sent as templates" : "set " + MessengerUtilityTemplates.SettingFor(notification) + " to an approved utility message template";
                return Fail(message, to, $"outside Messenger's 24-hour window (the resident last wrote {hours} h ago): cannot notify on Messenger; no message tag is used (the update tags are retired) and no utility message template is configured ({missing})");
            }

            outbound = new MetaOutbound(psid, [MetaMessageComposer.UtilityTemplate(psid, template)], 0);
        }

        try
        {
            if (isTyping)
            {
                var typing = await PostAsync(MetaMessageComposer.SenderAction(psid, "typing_on"), cancellationToken).ConfigureAwait(false);
                return typing.Result.Outcome == SendOutcome.Sent
                    ? SendResult.Sent(null)
                    : Fail(message, to, "typing indicator not sent: " + typing.Result.Error);
            }

            var messagingType = outbound is null ? MetaMessagingTypes.Response : MetaMessagingTypes.Utility;
            if (outbound is null && !MetaMessageComposer.TryCompose(activity, messagingType, out outbound, out var invalid))
            {
                return Fail(message, to, invalid!);
            }

            string? lastMid = null;
            for (var part = 0; part < outbound!.Requests.Count; part++)
            {
                var requestedAt = timeProvider.GetUtcNow();
                var verdict = await PostAsync(outbound.Requests[part], cancellationToken).ConfigureAwait(false);
                if (verdict.TokenRejected)
                {
                    MetaLog.TokenRejected(logger, message.Id, verdict.Result.Error!);
                }

                var result = verdict.Result;
                if (result.Outcome != SendOutcome.Sent)
                {
                    var error = part == 0 ? result.Error! : $"{result.Error} (after {part} of {outbound.Requests.Count} parts were sent)";
                    return result.Outcome == SendOutcome.RetryLater
                        ? Retry(message, to, error, result.RetryAfter)
                        : Fail(message, to, error);
                }

                if (result.ProviderMessageId is { } mid)
                {
                    sentLog.Record(psid, mid, requestedAt);
                    lastMid = mid;
                }
            }

            MetaLog.Sent(logger, message.Id, to, lastMid ?? "(none)", outbound.Requests.Count, messagingType);
            return SendResult.Sent(lastMid);
        }
        catch (Exception exception) when (ProviderUnreachable.Classify(exception, "the Graph API", Options.SendTimeout, cancellationToken) is { } unreachable)
        {
            return Retry(message, to, unreachable.Reason, unreachable.RetryAfter);
        }
    }

    private async Task<MetaSendVerdict> PostAsync(JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUri());
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PageAccessToken);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        var client = httpClientFactory.CreateClient(MetaHttpClients.Graph);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var bytes = await ProviderResponse.ReadAsync(response, MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        return MetaSendClassifier.Classify(
            (int)response.StatusCode,
            response.IsSuccessStatusCode ? ProviderResponse.Parse(bytes, MetaJsonContext.Default.MetaSendResponse) : null,
            response.IsSuccessStatusCode ? null : ProviderResponse.Parse(bytes, MetaJsonContext.Default.MetaGraphErrorEnvelope)?.Error,
            RetryAfterHeader.Read(response, timeProvider));
    }

    /// <summary><c>{GraphBaseUrl}/{GraphVersion}/me/messages</c>, with <c>appsecret_proof</c> (HMAC-SHA256 of the token with the app secret) when the secret is configured.</summary>
    private string MessagesUri()
    {
        var settings = Options;
        var uri = settings.GraphBaseUrl.TrimEnd('/') + "/" + settings.GraphVersion.Trim('/') + "/me/messages";
        if (!string.IsNullOrWhiteSpace(settings.AppSecret))
        {
            var proof = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.AppSecret), Encoding.UTF8.GetBytes(settings.PageAccessToken!)));
            uri += "?appsecret_proof=" + proof;
        }

        return uri;
    }

    private SendResult Fail(OutboundMessage message, string to, string error)
    {
        MetaLog.SendFailed(logger, message.Id, to, error);
        return SendResult.Failed(error);
    }

    private SendResult Retry(OutboundMessage message, string to, string error, TimeSpan? retryAfter = null)
    {
        MetaLog.SendRetry(logger, message.Id, to, error);
        return SendResult.Retry(error, retryAfter);
    }
}
