using System.Net.Http.Headers;
using System.Text;
using ChannelBot.Application.Photos;
using ChannelBot.Schema;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Inbound MMS/WhatsApp media: on Twilio's REST API host (<see cref="TwilioOptions.ApiBaseUrl"/>, which answers with a
/// redirect) and its media CDN. HTTP Basic auth (AccountSid:AuthToken) goes only to a request for the API host; the
/// fetcher follows the redirect to the CDN with no credentials. The options are read per request (a reload is taken).
/// </summary>
internal sealed class TwilioMediaAccess(IOptionsMonitor<TwilioOptions> options) : IChannelMediaAccess
{
    /// <summary>Where Twilio's media redirects lead (its media CDN).</summary>
    public static IReadOnlyList<string> CdnHosts { get; } = ["*.twiliocdn.com", "*.twilio.com"];

    public bool Handles(string channelId) => channelId is ChannelIds.Sms or ChannelIds.WhatsApp;

    public IReadOnlyList<string> MediaHosts =>
        ApiBase() is { } api ? [api.IdnHost, .. CdnHosts] : CdnHosts;

    public void Authorize(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.CurrentValue;
        var (accountSid, authToken) = (settings.AccountSid, settings.AuthToken);
        if (request.RequestUri is { } url && IsApiHost(url) && !string.IsNullOrWhiteSpace(accountSid) && !string.IsNullOrWhiteSpace(authToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(accountSid + ":" + authToken)));
        }
    }

    private Uri? ApiBase() =>
        Uri.TryCreate(options.CurrentValue.ApiBaseUrl, UriKind.Absolute, out var api) ? api : null;

    private bool IsApiHost(Uri url) =>
        ApiBase() is { } api
        && string.Equals(url.Scheme, api.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(url.IdnHost, api.IdnHost, StringComparison.OrdinalIgnoreCase)
        && url.Port == api.Port;
}
