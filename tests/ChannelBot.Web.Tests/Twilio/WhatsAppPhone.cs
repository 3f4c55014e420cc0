using System.Net;
using ChannelBot.Channels.Twilio;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>A resident on WhatsApp through Twilio: writes to the city's WhatsApp number through the app's signed webhook, and reads what the fake Twilio delivered.</summary>
internal sealed class WhatsAppPhone(HttpClient http, FakeTwilio twilio, string number)
{
    /// <summary>The resident's WhatsApp address, <c>whatsapp:+E164</c>.</summary>
    public string Address { get; } = "whatsapp:" + number;

    /// <summary>Writes <paramref name="body"/> and returns the city's answer (the next message this address receives).</summary>
    public async Task<string> WriteAsync(string body)
    {
        var before = twilio.ReceivedBy(Address).Count;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", "SM" + Guid.NewGuid().ToString("N")),
            new("AccountSid", FakeTwilio.AccountSid),
            new("From", Address),
            new("To", FakeTwilio.WhatsAppNumber),
            new("Body", body),
            new("NumMedia", "0"),
            new("ProfileName", "Pat Resident"),
            new("WaId", number.TrimStart('+')),
            new("MessageType", "text"),
        };
        var signature = TwilioSignature.Compute(FakeTwilio.AuthToken, FakeTwilio.PublicBaseUrl + TwilioRoutes.MessagesPath, fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioRoutes.MessagesPath) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.HeaderName, signature);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await WaitForMessageAsync(before + 1);
    }

    /// <summary>Waits until this address has received <paramref name="count"/> messages; returns the last one's body.</summary>
    public async Task<string> WaitForMessageAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var received = twilio.ReceivedBy(Address);
            if (received.Count >= count)
            {
                return received[count - 1];
            }

            Assert.True(DateTime.UtcNow < deadline, $"{Address} received {received.Count} of {count} messages: {string.Join(" | ", received)}");
            await Task.Delay(25);
        }
    }
}
