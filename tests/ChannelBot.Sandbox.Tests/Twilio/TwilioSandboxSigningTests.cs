using System.Net;
using ChannelBot.Channels.Tests.Twilio;
using ChannelBot.Channels.Twilio;
using ChannelBot.Sandbox.Twilio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChannelBot.Sandbox.Tests.Twilio;

/// <summary>
/// The sandbox re-points the Twilio channel in Development without credentials (its account, the development token,
/// the fake API and the webhooks' URL on the app's own address), and leaves it alone everywhere else.
/// </summary>
public sealed class TwilioSandboxSigningTests
{
    [Fact]
    public async Task In_development_without_a_public_url_the_development_token_signs_over_the_apps_own_address()
    {
        await using var host = await TwilioTestHost.StartAsync(new Dictionary<string, string?>(), environment: "Development", configure: b => b.AddSandbox());
        var ownUrl = host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/api/twilio/messages";
        using var elsewhere = TwilioRequests.Signed(TwilioRequests.Sms(), authToken: TwilioOptions.DefaultDevelopmentAuthToken);
        using var own = TwilioRequests.Signed(TwilioRequests.Sms("second", "SM00000000000000000000000000000002"), signedUrl: ownUrl, authToken: TwilioOptions.DefaultDevelopmentAuthToken);

        using var refused = await host.Client.SendAsync(elsewhere);
        using var accepted = await host.Client.SendAsync(own);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(host.Sink.Received);
    }

    [Fact]
    public async Task Once_the_app_listens_the_channel_sends_to_the_fake_api_on_its_own_address_as_the_sandbox_account()
    {
        await using var host = await TwilioTestHost.StartAsync(new Dictionary<string, string?>(), environment: "Development", configure: b => b.AddSandbox());
        var origin = host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

        var options = host.Services.GetRequiredService<IOptionsMonitor<TwilioOptions>>().CurrentValue;

        Assert.Equal(origin + TwilioSandbox.BasePath, options.ApiBaseUrl);
        Assert.Equal(origin, options.PublicBaseUrl);
        Assert.Equal(TwilioSandbox.AccountSid, options.AccountSid);
        Assert.Equal(TwilioOptions.DefaultDevelopmentAuthToken, options.AuthToken);
        Assert.Equal(TwilioSandbox.CityNumber, options.From);
        Assert.Equal(TwilioSandbox.WhatsAppFrom, options.WhatsAppFrom);
        Assert.True(host.Services.GetRequiredService<TwilioSandbox>().IsActive);
    }

    [Fact]
    public async Task In_development_a_configured_account_is_left_as_configured()
    {
        await using var host = await TwilioTestHost.StartAsync(TwilioTestHost.ConfiguredSettings(), environment: "Development", configure: b => b.AddSandbox());

        var options = host.Services.GetRequiredService<IOptionsMonitor<TwilioOptions>>().CurrentValue;

        Assert.Equal(TwilioTestHost.AccountSid, options.AccountSid);
        Assert.Equal(TwilioTestHost.AuthToken, options.AuthToken);
        Assert.Equal(TwilioTestHost.PublicBaseUrl, options.PublicBaseUrl);
        Assert.Equal(TwilioOptions.DefaultApiBaseUrl, options.ApiBaseUrl);
        Assert.Null(options.From);
        Assert.False(host.Services.GetRequiredService<TwilioSandbox>().IsActive);
    }

    [Fact]
    public async Task Outside_development_the_sandbox_changes_nothing_and_the_webhook_stays_closed()
    {
        await using var host = await TwilioTestHost.StartAsync(new Dictionary<string, string?>(), environment: "Production", configure: b => b.AddSandbox());
        var ownUrl = host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/api/twilio/messages";
        using var request = TwilioRequests.Signed(TwilioRequests.Sms(), signedUrl: ownUrl, authToken: TwilioOptions.DefaultDevelopmentAuthToken);

        using var response = await host.Client.SendAsync(request);

        var options = host.Services.GetRequiredService<IOptionsMonitor<TwilioOptions>>().CurrentValue;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Sink.Received);
        Assert.Null(options.AccountSid);
        Assert.Null(options.AuthToken);
        Assert.Null(options.PublicBaseUrl);
        Assert.Equal(TwilioOptions.DefaultApiBaseUrl, options.ApiBaseUrl);
    }
}
