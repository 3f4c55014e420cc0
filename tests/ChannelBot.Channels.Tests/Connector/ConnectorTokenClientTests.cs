using System.Text.Json.Nodes;
using ChannelBot.Channels.Connector;
using ChannelBot.Channels.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChannelBot.Channels.Tests.Connector;

/// <summary>The outbound token: cached, renewed before it expires, fetched once for concurrent callers.</summary>
public sealed class ConnectorTokenClientTests : IDisposable
{
    private readonly FakeConnector _connector = new();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly IHost _host;

    public ConnectorTokenClientTests()
    {
        _host = ConnectorServices.Build(
            new Dictionary<string, string?>
            {
                ["Connector:MicrosoftAppId"] = IdentityFixture.AppId,
                ["Connector:MicrosoftAppPassword"] = "password",
                ["Connector:TokenEndpoint"] = _connector.TokenEndpoint,
            },
            _clock);
    }

    private ConnectorTokenClient Client => _host.Services.GetRequiredService<ConnectorTokenClient>();

    public void Dispose()
    {
        _host.Dispose();
        _connector.Dispose();
    }

    [Fact]
    public async Task A_token_is_reused_until_five_minutes_before_it_expires()
    {
        _connector.IssueTokens(3600, "token-1", "token-2");

        var first = await Client.GetTokenAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(54));
        var stillFirst = await Client.GetTokenAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Client.GetTokenAsync(CancellationToken.None);

        Assert.Equal(new[] { "token-1", "token-1", "token-2" }, new[] { first, stillFirst, second });
        Assert.Equal(2, _connector.TokenRequests.Count);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_token_request()
    {
        _connector.Server.Given(Request.Create().WithPath(FakeConnector.TokenPath).UsingPost())
            .RespondWith(Response.Create()
                .WithDelay(TimeSpan.FromMilliseconds(300))
                .WithBody(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = "shared" }.ToJsonString()));

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.GetTokenAsync(CancellationToken.None)));

        Assert.All(tokens, token => Assert.Equal("shared", token));
        Assert.Single(_connector.TokenRequests);
    }

    [Fact]
    public async Task An_expiry_sent_as_a_string_by_AAD_v1_is_understood()
    {
        _connector.Server.Given(Request.Create().WithPath(FakeConnector.TokenPath).UsingPost())
            .RespondWith(Response.Create().WithBody("""{"token_type":"Bearer","expires_in":"3599","access_token":"v1-token"}"""));

        await Client.GetTokenAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(50));
        var again = await Client.GetTokenAsync(CancellationToken.None);

        Assert.Equal("v1-token", again);
        Assert.Single(_connector.TokenRequests);
    }

    [Fact]
    public async Task An_invalidated_token_is_fetched_anew()
    {
        _connector.IssueTokens(3600, "token-1", "token-2");

        var first = await Client.GetTokenAsync(CancellationToken.None);
        Client.Invalidate(first!);
        var second = await Client.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", second);
    }

    [Fact]
    public async Task A_refusal_from_the_token_endpoint_names_its_error_code_but_not_the_secret()
    {
        _connector.Server.Given(Request.Create().WithPath(FakeConnector.TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("""{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret."}"""));

        var exception = await Assert.ThrowsAsync<ConnectorTokenException>(() => Client.GetTokenAsync(CancellationToken.None));

        Assert.Equal("The token endpoint answered 400 (invalid_client).", exception.Message);
    }

    [Fact]
    public async Task Without_an_app_id_there_is_no_token()
    {
        using var host = ConnectorServices.Build(new Dictionary<string, string?> { ["Connector:TokenEndpoint"] = _connector.TokenEndpoint }, _clock);

        var token = await host.Services.GetRequiredService<ConnectorTokenClient>().GetTokenAsync(CancellationToken.None);

        Assert.Null(token);
        Assert.Empty(_connector.TokenRequests);
    }

    [Theory]
    [InlineData(null, "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    [InlineData("3c1e5a7b-0000-4000-8000-00000000abcd", "https://login.microsoftonline.com/3c1e5a7b-0000-4000-8000-00000000abcd/oauth2/v2.0/token")]
    public void The_token_endpoint_follows_the_tenant(string? tenantId, string expected)
    {
        var options = new ConnectorOptions { MicrosoftAppId = IdentityFixture.AppId, MicrosoftAppTenantId = tenantId };

        Assert.Equal(expected, options.EffectiveTokenEndpoint);
    }
}
