using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChannelBot.Channels.Connector;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Connector;

/// <summary><c>/api/messages</c> on Kestrel with an App ID configured, as Azure Bot Service calls it.</summary>
public sealed class ConnectorAuthenticatedEndpointTests(IdentityFixture identity) : IClassFixture<IdentityFixture>, IAsyncLifetime
{
    private ConnectorTestHost _host = null!;

    private TestToken ChannelToken => TestToken.Channel(identity.EndorsingChannelKey, IdentityFixture.AppId, TestClock.Now);

    public async Task InitializeAsync() =>
        _host = await ConnectorTestHost.StartAsync(identity.Provider.SettingsFor(IdentityFixture.AppId), TestClock.Create());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_request_without_a_token_is_answered_401_and_nothing_is_stored()
    {
        using var response = await PostAsync(TeamsMessage(), authorization: null);

        await ConnectorEndpointTests.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ConnectorErrorCodes.Unauthorized);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_message_with_a_valid_channel_token_is_stored_and_marked_as_from_an_authenticated_channel()
    {
        using var response = await PostAsync(TeamsMessage(), ChannelToken.Encode());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(_host.Sink.Received);
        Assert.Equal(ConnectorActivityMapper.AuthenticatedCallerId, stored.CallerId);
    }

    [Fact]
    public async Task A_valid_token_presented_with_another_service_url_is_answered_401()
    {
        var activity = TeamsMessage();
        activity.ServiceUrl = "https://attacker.example.org/";

        using var response = await PostAsync(activity, ChannelToken.Encode());

        await ConnectorEndpointTests.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ConnectorErrorCodes.Unauthorized);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_message_with_a_valid_Emulator_token_is_stored()
    {
        var activity = TeamsMessage();
        activity.ChannelId = ChannelIds.Emulator;
        activity.ServiceUrl = "http://localhost:52144";
        var token = TestToken.EmulatorV1(identity.EmulatorKey, IdentityFixture.AppId, TestClock.Now);

        using var response = await PostAsync(activity, token.Encode());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Sink.Received);
    }

    [Fact]
    public async Task Signing_keys_that_cannot_be_fetched_are_answered_503_with_Retry_After()
    {
        var settings = identity.Provider.SettingsFor(IdentityFixture.AppId);
        settings["Connector:ChannelOpenIdMetadataUrl"] = $"{identity.Provider.Server.Url}/unavailable/.well-known/openidconfiguration";
        await using var host = await ConnectorTestHost.StartAsync(settings, TestClock.Create());
        using var request = Request(TeamsMessage(), ChannelToken.Encode());

        using var response = await host.Client.SendAsync(request);

        await ConnectorEndpointTests.AssertErrorAsync(response, HttpStatusCode.ServiceUnavailable, ConnectorErrorCodes.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(ConnectorResponses.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Empty(host.Sink.Received);
    }

    private static Activity TeamsMessage() => new()
    {
        Type = ActivityTypes.Message,
        Id = "1700000000123",
        ChannelId = "msteams",
        ServiceUrl = TestToken.ServiceUrl,
        From = new ChannelAccount("29:1resident"),
        Recipient = new ChannelAccount("28:" + IdentityFixture.AppId),
        Conversation = new ConversationAccount("a:1conversation"),
        Text = "streetlight out at 5th and Pine",
        CallerId = "urn:botframework:somebody-else",
    };

    private Task<HttpResponseMessage> PostAsync(Activity activity, string? authorization) =>
        _host.Client.SendAsync(Request(activity, authorization));

    private static HttpRequestMessage Request(Activity activity, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ConnectorRoutes.MessagesPath)
        {
            Content = new StringContent(ActivityJson.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}
