using ChannelBot.Channels.Connector;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ChannelBot.Channels.Tests.Connector;

public sealed partial class ConnectorAuthenticatorTests(IdentityFixture identity) : IClassFixture<IdentityFixture>, IDisposable
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
