using System.Net.Http.Headers;
using System.Text;
using ChannelBot.Application.Photos;
using ChannelBot.Schema;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Inbound MMS/WhatsApp media: on Twilio's REST API host (<see cref="TwilioOptions.ApiBaseUrl"/>, which answers with a
/// redirect) and its media CDN. HTTP Basic auth (AccountSid:AuthToken) goes only to a request for the API host; the
/// fetcher follows the redirect to the CDN with no credentials. In the Development sandbox the API host is the app's
/// own fake Twilio, with the sandbox's credentials.
/// </summary>
public sealed class TwilioMediaAccess(IOptions<TwilioOptions> options, TwilioSandbox sandbox) : IChannelMediaAccess
{
    /// <summary>Where Twilio's media redirects lead (its media CDN).</summary>
    public static IReadOnlyList<string> CdnHosts { get; } = ["*.twiliocdn.com", "*.twilio.com"];

    private readonly TwilioOptions _options = options.Value;

    public bool Handles(string channelId) => channelId is ChannelIds.Sms or ChannelIds.WhatsApp;

    public IReadOnlyList<string> MediaHosts =>
        ApiBase() is { } api ? [api.IdnHost, .. CdnHosts] : CdnHosts;

    public void Authorize(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (accountSid, authToken) = sandbox.IsActive ? (TwilioSandbox.AccountSid, sandbox.AuthToken) : (_options.AccountSid, _options.AuthToken);
        if (request.RequestUri is { } url && IsApiHost(url) && !string.IsNullOrWhiteSpace(accountSid) && !string.IsNullOrWhiteSpace(authToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(accountSid + ":" + authToken)));
        }
    }

    private Uri? ApiBase() =>
        Uri.TryCreate(sandbox.IsActive ? sandbox.ApiBaseUrl : _options.ApiBaseUrl, UriKind.Absolute, out var api) ? api : null;

    private bool IsApiHost(Uri url) =>
        ApiBase() is { } api
        && string.Equals(url.Scheme, api.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(url.IdnHost, api.IdnHost, StringComparison.OrdinalIgnoreCase)
        && url.Port == api.Port;
}
