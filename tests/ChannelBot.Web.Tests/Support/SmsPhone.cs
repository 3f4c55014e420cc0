using System.Net;
using ChannelBot.Channels.Twilio;

namespace ChannelBot.Web.Tests.Support;

/// <summary>A resident's phone: texts the city through the app's Twilio webhook, signed as Twilio signs, and reads what the fake Twilio delivered.</summary>
public sealed class SmsPhone(HttpClient http, FakeTwilio twilio, string number)
{
    public string Number => number;

    /// <summary>Texts <paramref name="body"/> and returns the city's answer (the next text this phone receives).</summary>
    public async Task<string> TextAsync(string body)
    {
        var before = twilio.ReceivedBy(number).Count;
        await SendAsync(body);
        return await WaitForTextAsync(before + 1);
    }

    public Task SendAsync(string body) => SendAsync(body, []);

    /// <summary>Sends <paramref name="body"/> as the message <paramref name="messageSid"/> (again, for a redelivery).</summary>
    public Task SendAsAsync(string messageSid, string body) => SendAsync(body, [], messageSid);

    /// <summary>Sends an MMS: <paramref name="body"/> (may be empty) with one photo at <paramref name="mediaUrl"/>; returns the city's answer.</summary>
    public async Task<string> SendPhotoAsync(string body, string mediaUrl, string contentType)
    {
        var before = twilio.ReceivedBy(number).Count;
        await SendAsync(body, [new("NumMedia", "1"), new("MediaUrl0", mediaUrl), new("MediaContentType0", contentType)]);
        return await WaitForTextAsync(before + 1);
    }

    private async Task SendAsync(string body, IReadOnlyList<KeyValuePair<string, string>> media, string? messageSid = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", messageSid ?? "SM" + Guid.NewGuid().ToString("N")),
            new("AccountSid", FakeTwilio.AccountSid),
            new("From", number),
            new("To", FakeTwilio.CityNumber),
            new("Body", body),
            new("NumSegments", "1"),
        };
        fields.AddRange(media.Count > 0 ? media : [new("NumMedia", "0")]);
        var signature = TwilioSignature.Compute(FakeTwilio.AuthToken, FakeTwilio.PublicBaseUrl + "/api/twilio/messages", fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/twilio/messages") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", signature);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Waits until this phone has received <paramref name="count"/> texts; returns the last.</summary>
    public async Task<string> WaitForTextAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var received = twilio.ReceivedBy(number);
            if (received.Count >= count)
            {
                return received[count - 1];
            }

            Assert.True(DateTime.UtcNow < deadline, $"{number} received {received.Count} of {count} texts: {string.Join(" | ", received)}");
            await Task.Delay(25);
        }
    }
}
