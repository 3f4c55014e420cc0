using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChannelBot.Channels.Twilio;
using ChannelBot.Sandbox.Twilio;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// The sandbox phones' endpoint (<c>POST /sandbox/phones/{phone}</c>) and their photos, without a browser: what a
/// phone sends reaches the real webhook and the bot; hostile input gets a clear 4xx; photos are served only with the
/// fake provider's credentials.
/// </summary>
public sealed class SandboxPhoneEndpointTests : IAsyncLifetime
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private TestStorage _storage = null!;
    private ChannelBotApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        _app = ChannelBotApp.Start(_storage, environment: "Development");
        _http = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task A_text_from_the_sms_phone_goes_through_the_signed_webhook_and_the_bot_answers_the_phone()
    {
        using var response = await PostAsync("sms", Form(("address", "+15555550141"), ("text", "there is a big pothole")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("SM", (string?)sent["messageId"], StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse((string?)sent["sentAt"], out _));
        var answer = await WaitForTextAsync("+15555550141");
        Assert.Contains("Where is it?", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sms", "+1555", null, null, 400)]
    [InlineData("sms", "15555550141", null, null, 400)]
    [InlineData("messenger", "+15555550141", null, null, 400)]
    [InlineData("sms", "+15555550141", null, null, 400)]
    [InlineData("sms", "+15555550141", "latitude", "39.9", 400)]
    [InlineData("whatsapp", "+15555550141", "latitude", "91", 400)]
    [InlineData("sms", "+15555550141", "payload", "yes", 400)]
    [InlineData("fax", "+15555550141", "text", "hi", 404)]
    [InlineData("1", "+15555550141", "text", "hi", 404)]
    public async Task Hostile_or_empty_phone_input_gets_a_clear_4xx_and_nothing_reaches_the_webhook(string phone, string address, string? field, string? value, int status)
    {
        var fields = new List<(string, string)> { ("address", address) };
        if (field is not null)
        {
            fields.Add((field, value!));
            if (field == "latitude")
            {
                fields.Add(("longitude", "-83.8"));
            }
        }

        using var response = await PostAsync(phone, Form([.. fields]));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]));
        Assert.Equal(0, await CaseRows.InboundCountAsync(_app.Services));
    }

    [Fact]
    public async Task A_post_without_the_sandbox_header_is_refused()
    {
        using var content = Form(("address", "+15555550141"), ("text", "hi"));
        using var response = await _http.PostAsync(new Uri("/sandbox/phones/sms", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CaseRows.InboundCountAsync(_app.Services));
    }

    [Theory]
    [InlineData("text/plain", 10, 415)]
    [InlineData("image/png", 5 * 1024 * 1024 + 1, 413)]
    public async Task A_photo_of_the_wrong_type_or_too_large_is_refused(string type, int size, int status)
    {
        using var content = Form(("address", "+15555550141"));
        var file = new ByteArrayContent(new byte[size]);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        content.Add(file, "photo", "photo.bin");

        using var response = await PostAsync("whatsapp", content);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(0, await CaseRows.InboundCountAsync(_app.Services));
    }

    [Fact]
    public async Task A_photo_from_the_mms_phone_is_served_only_with_the_sandbox_twilio_credentials()
    {
        using var content = Form(("address", "+15555550142"), ("text", "pothole"));
        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "photo", "pothole.png");
        using var posted = await PostAsync("sms", content);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var mediaUrl = await InboundMediaUrlAsync();

        using var anonymous = await _http.GetAsync(new Uri(mediaUrl));
        using var authorized = new HttpRequestMessage(HttpMethod.Get, mediaUrl);
        authorized.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(TwilioSandbox.AccountSid + ":" + TwilioOptions.DefaultDevelopmentAuthToken)));
        using var fetched = await _http.SendAsync(authorized);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(Png, await fetched.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_messenger_photo_url_without_its_signature_is_refused()
    {
        using var response = await _http.GetAsync(new Uri("/sandbox/meta/cdn/0123456789abcdef0123456789abcdef?oh=00", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task With_real_meta_credentials_the_messenger_phone_is_off_and_says_why()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?>
        {
            ["Meta:AppSecret"] = "a-real-app-secret",
            ["Meta:VerifyToken"] = "a-real-verify-token",
            ["Meta:PageAccessToken"] = "EAAGarealpagetoken",
            ["Meta:GraphBaseUrl"] = "http://127.0.0.1:9",
        }, environment: "Development");
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/phones/messenger") { Content = Form(("address", "6512300000000042"), ("text", "hi")) };
        request.Headers.Add("X-ChannelBot-Sandbox", "phone");

        using var response = await http.SendAsync(request);
        var page = await http.GetStringAsync(new Uri("/sandbox", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Meta credentials", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"], StringComparison.Ordinal);
        var settings = JsonNode.Parse(System.Text.RegularExpressions.Regex.Match(page, "<script type=\"application/json\" id=\"channelbot-sandbox\">(.*?)</script>").Groups[1].Value)!;
        Assert.False((bool)settings["phones"]!["messenger"]!["on"]!);
        Assert.True((bool)settings["phones"]!["sms"]!["on"]!);
        Assert.Equal(0, await CaseRows.InboundCountAsync(app.Services));
    }

    private async Task<HttpResponseMessage> PostAsync(string phone, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/phones/" + phone) { Content = content };
        request.Headers.Add("X-ChannelBot-Sandbox", "phone");
        return await _http.SendAsync(request);
    }

    private static MultipartFormDataContent Form(params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    /// <summary>The media URL of the (one) inbound message the webhook stored: the activity's attachment.</summary>
    private async Task<string> InboundMediaUrlAsync()
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var inbound = await db.InboundActivities.AsNoTracking().SingleAsync();
        var url = (string?)JsonNode.Parse(inbound.ActivityJson)!["attachments"]![0]!["contentUrl"];
        Assert.Matches("/sandbox/twilio/2010-04-01/Accounts/AC0{32}/Messages/SM[0-9a-f]{32}/Media/ME[0-9a-f]{32}$", url);
        return url!;
    }

    private async Task<string> WaitForTextAsync(string phone)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await _http.GetAsync(new Uri($"{TwilioSandbox.ReceivedPath}?to={Uri.EscapeDataString(phone)}", UriKind.Relative));
            var received = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["messages"]!.AsArray();
            if (received.Count > 0)
            {
                return (string)received[0]!["body"]!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{phone} received nothing.");
            await Task.Delay(25);
        }
    }
}
