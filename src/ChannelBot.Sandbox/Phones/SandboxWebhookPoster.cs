using System.Text.Json;
using ChannelBot.Application.Logging;
using ChannelBot.Sandbox.Common;

namespace ChannelBot.Sandbox.Phones;

/// <summary>
/// Posts a sandbox phone's signed webhook request to the app's own public webhook URL, over HTTP like the provider
/// would: it goes through the same middleware, signature check and inbox as a real delivery.
/// </summary>
public sealed class SandboxWebhookPoster(IHttpClientFactory httpClientFactory, IServiceProvider services, ILogger<SandboxWebhookPoster> logger)
{
    public const string HttpClientName = "channelbot-sandbox-webhooks";

    private const int MaxDetailBytes = 4096;

    /// <summary>The app's own origin (where the phones post and the fake providers serve photos), or null before it listens.</summary>
    public string? Origin => OwnOrigin.Of(services);

    public async Task<SandboxPosted> PostAsync(
        SandboxChannel channel, string resident, string path, HttpContent content, string signatureHeader, string signature, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Origin is not { } origin)
        {
            return new SandboxPosted(0, "The app is not listening yet.", messageId);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, origin + path) { Content = content };
        request.Headers.TryAddWithoutValidation(signatureHeader, signature);
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            SandboxLog.Posted(logger, channel, LogMask.Id(resident), status);
            return new SandboxPosted(status, response.IsSuccessStatusCode ? null : await DetailAsync(response, cancellationToken).ConfigureAwait(false), messageId);
        }
        catch (HttpRequestException exception)
        {
            SandboxLog.Unreachable(logger, channel, LogMask.Id(resident), exception.HttpRequestError.ToString());
            return new SandboxPosted(0, "The app's webhook could not be reached.", messageId);
        }
    }

    /// <summary>The problem's <c>detail</c> when the webhook answered with problem details, else its status line.</summary>
    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(bytes.AsMemory(0, Math.Min(bytes.Length, MaxDetailBytes)));
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                return detail.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not problem details: the status says enough.
        }

        return $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }
}
