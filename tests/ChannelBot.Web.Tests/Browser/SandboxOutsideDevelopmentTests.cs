using System.Net;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>Outside Development the sandbox does not exist: its page, its script, its phones, its fake Graph API and its photos all answer 404.</summary>
public sealed class SandboxOutsideDevelopmentTests
{
    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task Outside_development_everything_under_sandbox_answers_404(string environment)
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, environment: environment);
        using var http = app.CreateHttpClient();

        foreach (var path in new[] { "/sandbox", "/sandbox/", "/sandbox/sandbox.js", "/sandbox/sandbox.css", "/sandbox/meta/messages?psid=6512300000000077" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path} answered {(int)response.StatusCode}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/phones/sms") { Content = new FormUrlEncodedContent([new("address", "+15555550141"), new("text", "hi")]) };
        request.Headers.Add("X-ChannelBot-Sandbox", "phone");
        using var phone = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, phone.StatusCode);

        using var landing = await http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
    }

    [Fact]
    public async Task In_development_the_sandbox_page_is_served_with_a_policy_that_allows_only_this_app()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, environment: "Development");
        using var http = app.CreateHttpClient();

        using var page = await http.GetAsync(new Uri("/sandbox", UriKind.Relative));
        using var script = await http.GetAsync(new Uri("/sandbox/sandbox.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script>", html);
    }
}
