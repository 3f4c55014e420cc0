using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ChannelBot.Application.Photos;
using ChannelBot.Schema;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Deletes inbound MMS/WhatsApp media at Twilio once the photo is in the city's store:
/// <c>DELETE {ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{MediaSid}.json</c>, Basic auth.
/// Only a media URL on the configured API host of our own account is deleted (anything else is not ours to
/// delete, and nothing is sent). 204, or 404 (deleted before), is done; any other answer is tried again later.
/// </summary>
internal sealed partial class TwilioMediaRelease(IHttpClientFactory httpClientFactory, IOptionsMonitor<TwilioOptions> options) : IChannelMediaRelease
{

    public bool Handles(string channelId) => channelId is ChannelIds.Sms or ChannelIds.WhatsApp;

    public async Task<string?> ReleaseAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var settings = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(settings.AccountSid) || string.IsNullOrWhiteSpace(settings.AuthToken)
            || !Uri.TryCreate(settings.ApiBaseUrl, UriKind.Absolute, out var api)
            || !string.Equals(url.Scheme, api.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(url.IdnHost, api.IdnHost, StringComparison.OrdinalIgnoreCase)
            || url.Port != api.Port)
        {
            return null;
        }

        var match = MediaPath().Match(url.AbsolutePath);
        if (!match.Success || !string.Equals(match.Groups["account"].Value, settings.AccountSid, StringComparison.Ordinal))
        {
            return null;
        }

        var resource = new Uri(api, match.Groups["resource"].Value + ".json");
        using var request = new HttpRequestMessage(HttpMethod.Delete, resource);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.AccountSid + ":" + settings.AuthToken)));
        try
        {
            using var response = await httpClientFactory.CreateClient(TwilioHttpClients.Api)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound
                ? null
                : "Twilio answered " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " to deleting the media";
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && exception is HttpRequestException or OperationCanceledException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
        {
            return "Twilio could not be reached to delete the media (" + exception.GetType().Name + ")";
        }
    }

    /// <summary><c>/2010-04-01/Accounts/AC…/Messages/MM…/Media/ME…</c>, with or without <c>.json</c>.</summary>
    [GeneratedRegex(@"^(?<resource>/2010-04-01/Accounts/(?<account>AC[0-9a-fA-F]{32})/Messages/[A-Z]{2}[0-9a-fA-F]{32}/Media/ME[0-9a-fA-F]{32})(\.json)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex MediaPath();
}
