using System.Text;
using ChannelBot.Channels.Twilio;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>Builds webhook requests the way Twilio sends them: form-encoded parameters, signed over the public URL.</summary>
public static class TwilioRequests
{
    /// <summary>An inbound SMS as Twilio posts it (with the geo guesses a real payload carries).</summary>
    public static List<KeyValuePair<string, string>> Sms(string body = "Pothole on Main St & 5th", string messageSid = "SM5f0c1d2e3f405162738495a6b7c8d9e0") =>
    [
        new("ToCountry", "US"),
        new("ToState", "OH"),
        new("SmsMessageSid", messageSid),
        new("NumMedia", "0"),
        new("ToCity", "SPRINGFIELD"),
        new("FromZip", "45501"),
        new("SmsSid", messageSid),
        new("FromState", "OH"),
        new("SmsStatus", "received"),
        new("FromCity", "SPRINGFIELD"),
        new("Body", body),
        new("FromCountry", "US"),
        new("To", "+15559870000"),
        new("MessagingServiceSid", "MG00000000000000000000000000000002"),
        new("ToZip", "45502"),
        new("NumSegments", "1"),
        new("MessageSid", messageSid),
        new("AccountSid", TwilioTestHost.AccountSid),
        new("From", "+15551230000"),
        new("ApiVersion", "2010-04-01"),
    ];

    public static HttpRequestMessage Signed(
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        string signedUrl = TwilioTestHost.MessagesUrl,
        string authToken = TwilioTestHost.AuthToken,
        string pathAndQuery = "/api/twilio/messages")
    {
        var request = Unsigned(parameters, pathAndQuery);
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(authToken, signedUrl, parameters));
        return request;
    }

    public static HttpRequestMessage Unsigned(IReadOnlyList<KeyValuePair<string, string>> parameters, string pathAndQuery = "/api/twilio/messages") =>
        new(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(parameters) };

    /// <summary>A JSON webhook: <c>bodySHA256</c> in the query, the URL alone signed.</summary>
    public static HttpRequestMessage SignedJson(string json, string authToken = TwilioTestHost.AuthToken)
    {
        var query = "?" + TwilioSignature.BodyHashParameter + "=" + TwilioSignature.ComputeBodyHash(Encoding.UTF8.GetBytes(json));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/twilio/messages" + query)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(authToken, TwilioTestHost.MessagesUrl + query, []));
        return request;
    }

    public static List<KeyValuePair<string, string>> With(this IEnumerable<KeyValuePair<string, string>> parameters, string name, string value)
    {
        var list = parameters.Where(p => p.Key != name).ToList();
        list.Add(new(name, value));
        return list;
    }

    public static List<KeyValuePair<string, string>> Without(this IEnumerable<KeyValuePair<string, string>> parameters, string name) =>
        [.. parameters.Where(p => p.Key != name)];
}
