using System.Globalization;
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
    public Task<string> WriteAsync(string body) => PostAsync(body, [new("MessageType", "text")]);

    /// <summary>Shares a location pin (empty body, as WhatsApp sends it) and returns the city's answer.</summary>
    public Task<string> ShareLocationAsync(double latitude, double longitude, string? address, string? label)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("MessageType", "location"),
            new("Latitude", latitude.ToString(CultureInfo.InvariantCulture)),
            new("Longitude", longitude.ToString(CultureInfo.InvariantCulture)),
        };
        if (address is not null)
        {
            fields.Add(new("Address", address));
        }

        if (label is not null)
        {
            fields.Add(new("Label", label));
        }

        return PostAsync(string.Empty, fields);
    }

    private async Task<string> PostAsync(string body, IReadOnlyList<KeyValuePair<string, string>> extra)
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
        };
        fields.AddRange(extra);
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
