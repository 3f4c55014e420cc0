using System.Net;
using ChannelBot.Channels.Twilio;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>What the Twilio channel does with its settings: fail at start-up when half-configured, fail closed when unconfigured.</summary>
public sealed class TwilioOptionsTests
{
    [Fact]
    public async Task Without_any_settings_the_webhook_refuses_even_a_request_signed_with_the_development_token_in_production()
    {
        await using var host = await TwilioTestHost.StartAsync(new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = TwilioTestHost.PublicBaseUrl });
        using var request = TwilioRequests.Signed(TwilioRequests.Sms(), authToken: TwilioOptions.DefaultDevelopmentAuthToken);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Sink.Received);
    }

    [Fact]
    public async Task Without_any_settings_an_unsigned_request_is_refused()
    {
        await using var host = await TwilioTestHost.StartAsync(new Dictionary<string, string?>());
        using var request = TwilioRequests.Unsigned(TwilioRequests.Sms());

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task In_development_without_a_token_requests_signed_with_the_development_token_are_accepted()
    {
        await using var host = await TwilioTestHost.StartAsync(
            new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = TwilioTestHost.PublicBaseUrl },
            environment: "Development");
        using var signed = TwilioRequests.Signed(TwilioRequests.Sms(), authToken: TwilioOptions.DefaultDevelopmentAuthToken);
        using var unsigned = TwilioRequests.Unsigned(TwilioRequests.Sms("second", "SM00000000000000000000000000000002"));

        using var accepted = await host.Client.SendAsync(signed);
        using var refused = await host.Client.SendAsync(unsigned);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Single(host.Sink.Received);
    }

    [Fact]
    public async Task In_development_a_configured_token_replaces_the_development_token()
    {
        var settings = TwilioTestHost.ConfiguredSettings();
        await using var host = await TwilioTestHost.StartAsync(settings, environment: "Development");
        using var request = TwilioRequests.Signed(TwilioRequests.Sms(), authToken: TwilioOptions.DefaultDevelopmentAuthToken);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task In_development_without_a_public_url_the_channel_alone_accepts_nothing_even_over_the_apps_own_address()
    {
        await using var host = await TwilioTestHost.StartAsync(new Dictionary<string, string?>(), environment: "Development");
        var ownUrl = host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/api/twilio/messages";
        using var request = TwilioRequests.Signed(TwilioRequests.Sms(), signedUrl: ownUrl, authToken: TwilioOptions.DefaultDevelopmentAuthToken);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Sink.Received);
    }

    [Fact]
    public async Task In_production_without_a_public_url_nothing_is_accepted_even_over_the_apps_own_address()
    {
        await using var host = await TwilioTestHost.StartAsync(new Dictionary<string, string?>(), environment: "Production");
        var ownUrl = host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/api/twilio/messages";
        using var request = TwilioRequests.Signed(TwilioRequests.Sms(), signedUrl: ownUrl, authToken: TwilioOptions.DefaultDevelopmentAuthToken);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("Twilio:AuthToken", "abc", "Twilio:AuthToken is set but Twilio:AccountSid is not")]
    [InlineData("Twilio:AccountSid", "AC00000000000000000000000000000001", "Twilio:AccountSid is set but Twilio:AuthToken is not")]
    [InlineData("Twilio:AccountSid", "SK00000000000000000000000000000001", "AccountSid must be AC followed by 32 hexadecimal digits")]
    [InlineData("Twilio:MessagingServiceSid", "MG123", "MessagingServiceSid must be MG")]
    [InlineData("Twilio:WhatsAppFrom", "+15551230000", "WhatsAppFrom must be a whatsapp: address")]
    [InlineData("Twilio:PublicBaseUrl", "311.example.gov", "PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Twilio:PublicBaseUrl", "https://311.example.gov/?city=x", "PublicBaseUrl must not carry a query string")]
    [InlineData("Twilio:ApiBaseUrl", "ftp://api.twilio.com", "ApiBaseUrl must be an absolute http(s) URL")]
    [InlineData("Twilio:MaxBodyBytes", "0", "MaxBodyBytes must be between")]
    [InlineData("Twilio:WhatsAppTemplates:status_update:en", "HX123", "Twilio:WhatsAppTemplates:status_update:en must be a ContentSid")]
    public void A_setting_that_could_only_fail_later_fails_validation(string key, string value, string expected)
    {
        var options = new TwilioOptions();
        Set(options, key, value);

        var result = new TwilioOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_token_without_the_public_url_it_signs_fails_validation()
    {
        var options = new TwilioOptions { AccountSid = TwilioTestHost.AccountSid, AuthToken = "abc" };

        var result = new TwilioOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, failure => failure.Contains("Twilio:PublicBaseUrl is not", StringComparison.Ordinal));
    }

    [Fact]
    public void No_settings_at_all_are_valid_and_a_full_set_is_valid()
    {
        Assert.True(new TwilioOptionsValidator().Validate(null, new TwilioOptions()).Succeeded);
        Assert.True(new TwilioOptionsValidator().Validate(null, new TwilioOptions
        {
            AccountSid = TwilioTestHost.AccountSid,
            AuthToken = "abc",
            PublicBaseUrl = "https://311.example.gov/city/",
            MessagingServiceSid = "MG00000000000000000000000000000002",
            WhatsAppFrom = "whatsapp:+15559870000",
        }).Succeeded);
    }

    [Fact]
    public async Task Half_a_credential_stops_the_application_at_start_up()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TwilioTestHost.StartAsync(new Dictionary<string, string?> { ["Twilio:AuthToken"] = "abc" }));

        Assert.Contains(exception.Failures, failure => failure.Contains("Twilio:AccountSid is not", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_public_url_with_a_path_prefix_and_trailing_slash_is_what_gets_signed()
    {
        var settings = TwilioTestHost.ConfiguredSettings();
        settings["Twilio:PublicBaseUrl"] = "https://gateway.example.gov/city/";
        await using var host = await TwilioTestHost.StartAsync(settings);
        using var request = TwilioRequests.Signed(TwilioRequests.Sms(), signedUrl: "https://gateway.example.gov/city/api/twilio/messages");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static void Set(TwilioOptions options, string key, string value)
    {
        switch (key)
        {
            case "Twilio:AuthToken": options.AuthToken = value; options.PublicBaseUrl = TwilioTestHost.PublicBaseUrl; break;
            case "Twilio:AccountSid": options.AccountSid = value; break;
            case "Twilio:MessagingServiceSid": options.MessagingServiceSid = value; break;
            case "Twilio:WhatsAppFrom": options.WhatsAppFrom = value; break;
            case "Twilio:PublicBaseUrl": options.PublicBaseUrl = value; break;
            case "Twilio:ApiBaseUrl": options.ApiBaseUrl = value; break;
            case "Twilio:MaxBodyBytes": options.MaxBodyBytes = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Twilio:WhatsAppTemplates:status_update:en": options.WhatsAppTemplates["status_update"] = new() { ["en"] = value }; break;
            default: throw new ArgumentOutOfRangeException(nameof(key));
        }
    }
}
