using ChannelBot.Channels.Connector;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ChannelBot.Channels.Tests.Connector;

public sealed class ConnectorAuthenticatorTests(IdentityFixture identity) : IClassFixture<IdentityFixture>, IDisposable
{
    private static readonly DateTimeOffset Now = TestClock.Now;

    private readonly IHost _host = ConnectorServices.Build(identity.Provider.SettingsFor(IdentityFixture.AppId), TestClock.Create());

    private ConnectorAuthenticator Authenticator => _host.Services.GetRequiredService<ConnectorAuthenticator>();

    private TestToken ChannelToken => TestToken.Channel(identity.EndorsingChannelKey, IdentityFixture.AppId, Now);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_valid_channel_token_is_accepted()
    {
        var result = await AuthenticateAsync(ChannelToken.Header(), TeamsMessage());

        Assert.Equal(ConnectorAuthenticationStatus.Authenticated, result.Status);
        Assert.Equal(ConnectorAuthenticationResult.ChannelPath, result.Issuer);
    }

    [Fact]
    public async Task A_channel_token_signed_with_RS512_is_accepted()
    {
        var token = ChannelToken with { Algorithm = SecurityAlgorithms.RsaSha512 };

        var result = await AuthenticateAsync(token.Header(), TeamsMessage());

        Assert.Equal(ConnectorAuthenticationStatus.Authenticated, result.Status);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_rejected()
    {
        var token = ChannelToken with { Issuer = "https://issuer.example.org" };

        await AssertRejectedAsync(token.Header(), TeamsMessage(), "wrong issuer");
    }

    [Fact]
    public async Task A_channel_token_for_another_bot_is_rejected()
    {
        var token = ChannelToken with { Audience = IdentityFixture.OtherAppId };

        await AssertRejectedAsync(token.Header(), TeamsMessage(), "wrong audience");
    }

    [Fact]
    public async Task An_expired_token_is_rejected()
    {
        var token = ChannelToken with { NotBefore = Now.UtcDateTime.AddHours(-2), Expires = Now.UtcDateTime.AddMinutes(-6) };

        await AssertRejectedAsync(token.Header(), TeamsMessage(), "expired");
    }

    [Fact]
    public async Task A_token_that_expired_within_the_five_minute_clock_skew_is_still_accepted()
    {
        var token = ChannelToken with { NotBefore = Now.UtcDateTime.AddHours(-2), Expires = Now.UtcDateTime.AddMinutes(-4) };

        var result = await AuthenticateAsync(token.Header(), TeamsMessage());

        Assert.Equal(ConnectorAuthenticationStatus.Authenticated, result.Status);
    }

    [Fact]
    public async Task A_token_that_is_not_valid_yet_is_rejected()
    {
        var token = ChannelToken with { NotBefore = Now.UtcDateTime.AddMinutes(6), Expires = Now.UtcDateTime.AddHours(1) };

        await AssertRejectedAsync(token.Header(), TeamsMessage(), "not valid yet");
    }

    [Fact]
    public async Task A_channel_token_for_another_service_url_is_rejected()
    {
        var token = ChannelToken.WithClaim("serviceurl", "https://smba.trafficmanager.net/emea/");

        await AssertRejectedAsync(token.Header(), TeamsMessage(), "serviceurl claim does not match");
    }

    [Fact]
    public async Task The_service_url_claim_is_compared_ignoring_case_as_the_SDK_does()
    {
        var token = ChannelToken.WithClaim("serviceurl", TestToken.ServiceUrl.ToUpperInvariant());

        var result = await AuthenticateAsync(token.Header(), TeamsMessage());

        Assert.Equal(ConnectorAuthenticationStatus.Authenticated, result.Status);
    }

    [Fact]
    public async Task A_channel_token_without_a_service_url_claim_is_rejected()
    {
        var token = ChannelToken with { Claims = new Dictionary<string, object>() };

        await AssertRejectedAsync(token.Header(), TeamsMessage(), "no serviceurl claim");
    }

    [Fact]
    public async Task A_key_cannot_sign_for_a_channel_it_does_not_endorse()
    {
        await AssertRejectedAsync(ChannelToken.Header(), TeamsMessage(channelId: "facebook"), "does not endorse channel 'facebook'");
    }

    [Fact]
    public async Task A_key_without_endorsements_may_sign_for_any_channel()
    {
        var token = TestToken.Channel(identity.PlainChannelKey, IdentityFixture.AppId, Now);

        var result = await AuthenticateAsync(token.Header(), TeamsMessage(channelId: "facebook"));

        Assert.Equal(ConnectorAuthenticationStatus.Authenticated, result.Status);
    }

    [Fact]
    public async Task An_unsigned_token_is_rejected()
    {
        await AssertRejectedAsync("Bearer " + ChannelToken.EncodeUnsigned(), TeamsMessage(), "algorithm 'none' is not allowed");
    }

    [Fact]
    public async Task An_HS256_token_is_rejected_even_when_keyed_with_a_published_key_id()
    {
        var secret = new SymmetricSecurityKey(new byte[32]) { KeyId = identity.EndorsingChannelKey.KeyId };
        var token = ChannelToken with { SigningKey = secret, Algorithm = SecurityAlgorithms.HmacSha256 };

        await AssertRejectedAsync(token.Header(), TeamsMessage(), "algorithm 'HS256' is not allowed");
    }

    [Fact]
    public async Task An_RSA_PSS_token_is_rejected_although_a_published_key_verifies_it()
    {
        var token = ChannelToken with { Algorithm = SecurityAlgorithms.RsaSsaPssSha256 };

        await AssertRejectedAsync(token.Header(), TeamsMessage(), "algorithm 'PS256' is not allowed");
    }

    [Fact]
    public async Task A_token_signed_with_an_unpublished_key_is_rejected()
    {
        var token = ChannelToken with { SigningKey = identity.RogueKey.SecurityKey };

        await AssertRejectedAsync(token.Header(), TeamsMessage(), "bad signature");
    }

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

    private static Activity TeamsMessage(string channelId = "msteams") => new()
    {
        Type = ActivityTypes.Message,
        Id = "1700000000000",
        ChannelId = channelId,
        ServiceUrl = TestToken.ServiceUrl,
        From = new ChannelAccount("29:resident"),
        Conversation = new ConversationAccount("a:conversation"),
        Text = "pothole on Main",
    };

    private static Activity EmulatorMessage() => new()
    {
        Type = ActivityTypes.Message,
        Id = "e1",
        ChannelId = ChannelIds.Emulator,
        ServiceUrl = "http://localhost:52144",
        From = new ChannelAccount("user-1"),
        Conversation = new ConversationAccount("c1"),
        Text = "hello",
    };

    private Task<ConnectorAuthenticationResult> AuthenticateAsync(string? header, Activity activity) =>
        Authenticator.AuthenticateAsync(header, activity, CancellationToken.None);

    private async Task AssertRejectedAsync(string? header, Activity activity, string expectedReason)
    {
        var result = await AuthenticateAsync(header, activity);

        Assert.Equal(ConnectorAuthenticationStatus.Rejected, result.Status);
        Assert.Contains(expectedReason, result.Reason, StringComparison.Ordinal);
    }
}
