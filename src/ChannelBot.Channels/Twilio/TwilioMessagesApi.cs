using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Requests to Twilio's Messages resource, <c>{ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>, with
/// Basic auth <c>AccountSid:AuthToken</c>, from the current options (a reload is taken), on the API client with its
/// resilience pipeline.
/// </summary>
internal sealed class TwilioMessagesApi(IHttpClientFactory httpClientFactory, IOptionsMonitor<TwilioOptions> options)
{
    /// <summary>A request to the Messages resource; <paramref name="query"/> with its <c>?</c>, or empty.</summary>
    public HttpRequestMessage Request(HttpMethod method, string query = "")
    {
        var settings = options.CurrentValue;
        var uri = settings.ApiBaseUrl.TrimEnd('/') + "/2010-04-01/Accounts/" + Uri.EscapeDataString(settings.AccountSid!) + "/Messages.json" + query;
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.AccountSid + ":" + settings.AuthToken)));
        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        httpClientFactory.CreateClient(TwilioHttpClients.Api).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}
