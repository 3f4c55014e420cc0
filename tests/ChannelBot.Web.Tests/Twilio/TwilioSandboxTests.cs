using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChannelBot.Channels.Twilio;
using ChannelBot.Sandbox.Twilio;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>
/// The sandbox (issue 3): in Development, with no Twilio settings at all, the whole SMS path runs against the fake
/// Twilio built into the app, signed with the development token; in any other environment its routes do not exist.
/// </summary>
public sealed class TwilioSandboxTests
{
    private const string Resident = "+15555550177";

    [Fact]
    public async Task In_development_a_texted_report_runs_end_to_end_with_no_configuration()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, environment: "Development");
        using var http = app.CreateHttpClient();
        var webhook = app.BaseAddress.GetLeftPart(UriPartial.Authority) + TwilioRoutes.MessagesPath;

        var answer = string.Empty;
        var count = 0;
        foreach (var text in SmsScript.Texts)
        {
            await TextAsync(http, webhook, text);
            answer = await WaitForTextAsync(http, ++count);
        }

        Assert.Matches(@"311-\d{4}-\d{6}", answer);
        var received = await ReceivedAsync(http, Resident);
        Assert.Equal(SmsScript.Texts.Length, received.Count);
        Assert.All(received, m => Assert.Equal(TwilioSandbox.CityNumber, (string?)m!["from"]));
    }

    [Fact]
    public async Task The_sandbox_api_wants_the_sandbox_account_and_the_development_token()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, environment: "Development");
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/sandbox/twilio/2010-04-01/Accounts/{TwilioSandbox.AccountSid}/Messages.json")
        {
            Content = new FormUrlEncodedContent([new("To", Resident), new("From", TwilioSandbox.CityNumber), new("Body", "hi")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(TwilioSandbox.AccountSid + ":wrong")));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(20003, (int?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]);
        Assert.Empty(await ReceivedAsync(http, Resident));
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task Outside_development_the_sandbox_routes_answer_404(string environment)
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, environment: environment);
        using var http = app.CreateHttpClient();
        using var create = new HttpRequestMessage(HttpMethod.Post, $"/sandbox/twilio/2010-04-01/Accounts/{TwilioSandbox.AccountSid}/Messages.json")
        {
            Content = new FormUrlEncodedContent([new("To", Resident), new("From", TwilioSandbox.CityNumber), new("Body", "hi")]),
        };
        create.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(TwilioSandbox.AccountSid + ":" + TwilioOptions.DefaultDevelopmentAuthToken)));

        using var created = await http.SendAsync(create);
        using var listed = await http.GetAsync($"/sandbox/twilio/messages?to={Uri.EscapeDataString(Resident)}");

        Assert.Equal(HttpStatusCode.NotFound, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, listed.StatusCode);
    }

    /// <summary>Texts the city as Twilio would deliver it in the sandbox: signed with the development token over the app's own address.</summary>
    private static async Task TextAsync(HttpClient http, string webhook, string body)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", "SM" + Guid.NewGuid().ToString("N")),
            new("AccountSid", TwilioSandbox.AccountSid),
            new("From", Resident),
            new("To", TwilioSandbox.CityNumber),
            new("Body", body),
            new("NumMedia", "0"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioRoutes.MessagesPath) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(TwilioOptions.DefaultDevelopmentAuthToken, webhook, fields));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> WaitForTextAsync(HttpClient http, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var received = await ReceivedAsync(http, Resident);
            if (received.Count >= count)
            {
                return (string)received[count - 1]!["body"]!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{Resident} received {received.Count} of {count} texts: {received.ToJsonString()}");
            await Task.Delay(25);
        }
    }

    private static async Task<JsonArray> ReceivedAsync(HttpClient http, string phone)
    {
        using var response = await http.GetAsync($"/sandbox/twilio/messages?to={Uri.EscapeDataString(phone)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(phone, (string?)json["to"]);
        return json["messages"]!.AsArray();
    }
}
