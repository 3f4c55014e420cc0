using ChannelBot.Channels.Connector;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ChannelBot.Channels.Tests.Connector;

/// <summary>Emulator tokens, requests without a usable token, with or without an app id, and signing keys that cannot be fetched.</summary>
public sealed partial class ConnectorAuthenticatorTests
{
    [Fact]
    public async Task An_Emulator_v1_token_naming_this_bot_in_appid_is_accepted()
    {
        var token = TestToken.EmulatorV1(identity.EmulatorKey, IdentityFixture.AppId, Now);

        var result = await AuthenticateAsync(token.Header(), EmulatorMessage());

        Assert.Equal(ConnectorAuthenticationStatus.Authenticated, result.Status);
        Assert.Equal(ConnectorAuthenticationResult.EmulatorPath, result.Issuer);
    }

    [Fact]
    public async Task An_Emulator_v2_token_naming_this_bot_in_azp_is_accepted()
    {
        var token = TestToken.EmulatorV2(identity.EmulatorKey, IdentityFixture.AppId, Now);

        var result = await AuthenticateAsync(token.Header(), EmulatorMessage());

        Assert.Equal(ConnectorAuthenticationStatus.Authenticated, result.Status);
    }

    [Fact]
    public async Task An_Emulator_v2_token_obtained_by_another_app_is_rejected()
    {
        var token = TestToken.EmulatorV2(identity.EmulatorKey, IdentityFixture.AppId, Now).WithClaim("azp", IdentityFixture.OtherAppId);

        await AssertRejectedAsync(token.Header(), EmulatorMessage(), "'azp' claim is not this bot's App ID");
    }

    [Fact]
    public async Task An_Emulator_v2_token_for_another_audience_is_rejected()
    {
        var token = TestToken.EmulatorV2(identity.EmulatorKey, IdentityFixture.AppId, Now) with { Audience = "https://api.botframework.com" };

        await AssertRejectedAsync(token.Header(), EmulatorMessage(), "wrong audience");
    }

    [Fact]
    public async Task An_Emulator_token_without_a_version_is_rejected()
    {
        var token = TestToken.EmulatorV1(identity.EmulatorKey, IdentityFixture.AppId, Now) with
        {
            Claims = new Dictionary<string, object> { ["appid"] = IdentityFixture.AppId },
        };

        await AssertRejectedAsync(token.Header(), EmulatorMessage(), "no 'ver' claim");
    }

    [Fact]
    public async Task An_Emulator_token_signed_with_a_channel_key_is_rejected()
    {
        var token = TestToken.EmulatorV2(identity.PlainChannelKey, IdentityFixture.AppId, Now);

        await AssertRejectedAsync(token.Header(), EmulatorMessage(), "not valid");
    }

    [Fact]
    public async Task A_request_without_a_token_is_rejected_when_an_app_id_is_configured()
    {
        await AssertRejectedAsync(null, TeamsMessage(), "no Authorization header");
    }

    [Fact]
    public async Task An_authorization_header_that_is_not_a_bearer_token_is_rejected()
    {
        await AssertRejectedAsync("Basic dXNlcjpwYXNz", TeamsMessage(), "not 'Bearer <token>'");
    }

    [Fact]
    public async Task A_bearer_value_that_is_not_a_JWT_is_rejected()
    {
        await AssertRejectedAsync("Bearer not-a-jwt", TeamsMessage(), "not a well-formed JWT");
    }

    [Theory]
    [InlineData("a.b.c")]
    [InlineData("....")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjV9.c2ln")]
    [InlineData("bm90IGpzb24.bm90IGpzb24.bm90IGpzb24")]
    public async Task Garbage_in_place_of_a_token_is_rejected_and_never_throws(string token)
    {
        var result = await AuthenticateAsync("Bearer " + token, TeamsMessage());

        Assert.Equal(ConnectorAuthenticationStatus.Rejected, result.Status);
    }

    [Fact]
    public async Task Without_an_app_id_a_request_without_a_token_is_anonymous()
    {
        using var host = ConnectorServices.Build(new Dictionary<string, string?>(), TestClock.Create());

        var result = await host.Services.GetRequiredService<ConnectorAuthenticator>().AuthenticateAsync(null, EmulatorMessage(), CancellationToken.None);

        Assert.Equal(ConnectorAuthenticationStatus.Anonymous, result.Status);
    }

    [Fact]
    public async Task Without_an_app_id_outside_Development_a_request_without_a_token_is_rejected()
    {
        using var host = ConnectorServices.Build(new Dictionary<string, string?> { ["Connector:AllowAnonymous"] = null }, TestClock.Create());

        var result = await host.Services.GetRequiredService<ConnectorAuthenticator>().AuthenticateAsync(null, EmulatorMessage(), CancellationToken.None);

        Assert.Equal(ConnectorAuthenticationStatus.Rejected, result.Status);
        Assert.Contains("only accepted in Development", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_app_id_a_request_with_a_token_is_rejected_as_the_SDK_does()
    {
        using var host = ConnectorServices.Build(new Dictionary<string, string?>(), TestClock.Create());
        var token = TestToken.EmulatorV2(identity.EmulatorKey, IdentityFixture.AppId, Now);

        var result = await host.Services.GetRequiredService<ConnectorAuthenticator>().AuthenticateAsync(token.Header(), EmulatorMessage(), CancellationToken.None);

        Assert.Equal(ConnectorAuthenticationStatus.Rejected, result.Status);
        Assert.Contains("no App ID is configured", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_signing_keys_make_a_token_uncheckable_rather_than_invalid()
    {
        var settings = identity.Provider.SettingsFor(IdentityFixture.AppId);
        settings["Connector:ChannelOpenIdMetadataUrl"] = $"{identity.Provider.Server.Url}/unavailable/.well-known/openidconfiguration";
        using var host = ConnectorServices.Build(settings, TestClock.Create());

        var result = await host.Services.GetRequiredService<ConnectorAuthenticator>().AuthenticateAsync(ChannelToken.Header(), TeamsMessage(), CancellationToken.None);

        Assert.Equal(ConnectorAuthenticationStatus.Unavailable, result.Status);
    }
}
