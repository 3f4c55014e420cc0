using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChannelBot.Application.Photos;
using ChannelBot.Schema;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Fetches inbound MMS/WhatsApp media. Twilio requires HTTP Basic auth (AccountSid:AuthToken) on its media URLs
/// and answers with a redirect to its media CDN. Credentials go only to the REST API's host
/// (<see cref="TwilioOptions.ApiBaseUrl"/>); redirects are followed here, by hand (at most
/// <see cref="MaxRedirects"/>), and a hop to any other host carries no <c>Authorization</c> header. In the Development
/// sandbox (<see cref="TwilioSandbox"/>) the API host is the app's own fake Twilio, with the sandbox's credentials.
/// </summary>
public sealed class TwilioMediaClient(IHttpClientFactory httpClientFactory, IOptions<TwilioOptions> options, TwilioSandbox sandbox) : IChannelMediaClient
{
    public const int MaxRedirects = 5;

    private readonly TwilioOptions _options = options.Value;

    public bool Handles(string channelId) => channelId is ChannelIds.Sms or ChannelIds.WhatsApp;

    public async Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var client = httpClientFactory.CreateClient(TwilioHttpClients.Media);
        var current = url;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            var (accountSid, authToken) = sandbox.IsActive ? (TwilioSandbox.AccountSid, sandbox.AuthToken) : (_options.AccountSid, _options.AuthToken);
            if (IsApiHost(current) && !string.IsNullOrWhiteSpace(accountSid) && !string.IsNullOrWhiteSpace(authToken))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue(
                    "Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes(accountSid + ":" + authToken)));
            }

            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location || hop == MaxRedirects)
            {
                return response;
            }

            response.Dispose();
            var next = location.IsAbsoluteUri ? location : new Uri(current, location);
            if (next.Scheme != Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttp)
            {
                throw new HttpRequestException($"The media redirect leads to a {next.Scheme} URL.");
            }

            current = next;
        }
    }

    private bool IsApiHost(Uri url) =>
        Uri.TryCreate(sandbox.IsActive ? sandbox.ApiBaseUrl : _options.ApiBaseUrl, UriKind.Absolute, out var api)
        && string.Equals(url.Scheme, api.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(url.IdnHost, api.IdnHost, StringComparison.OrdinalIgnoreCase)
        && url.Port == api.Port;

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
