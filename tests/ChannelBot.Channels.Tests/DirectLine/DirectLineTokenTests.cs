using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>tokens/generate, tokens/refresh and what a token may do: expiry, binding to one conversation and user.</summary>
public sealed class DirectLineTokenTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero));
    private DirectLineTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DirectLineTestHost.StartAsync(timeProvider: _clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Generate_with_the_secret_gives_a_signed_token_bound_to_a_new_conversation_and_user()
    {
        using var request = DirectLineTestClient.Request(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineTestHost.Secret, """{"user":{"id":"dl_ana","name":"Ana"}}""");
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var conversationId = json.RootElement.GetProperty("conversationId").GetString();
        Assert.False(string.IsNullOrEmpty(conversationId));
        Assert.Equal(1800, json.RootElement.GetProperty("expires_in").GetInt32());
        var token = new JsonWebToken(json.RootElement.GetProperty("token").GetString());
        Assert.Equal(conversationId, token.GetPayloadValue<string>("conv"));
        Assert.Equal("dl_ana", token.GetPayloadValue<string>("user"));
        Assert.Equal("HS256", token.Alg);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(30).UtcDateTime, token.ValidTo);
    }

    [Fact]
    public async Task Generate_without_a_user_makes_up_a_dl_user_id()
    {
        var client = await DirectLineTestClient.GenerateAsync(_host.Client);

        Assert.StartsWith("dl_", new JsonWebToken(client.Token).GetPayloadValue<string>("user"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-the-secret", HttpStatusCode.Forbidden)]
    public async Task Generate_needs_the_secret(string? bearer, HttpStatusCode expected)
    {
        using var request = DirectLineTestClient.Request(HttpMethod.Post, "/v3/directline/tokens/generate", bearer);
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task A_conversation_token_cannot_generate_more_tokens()
    {
        var client = await DirectLineTestClient.GenerateAsync(_host.Client);
        using var request = DirectLineTestClient.Request(HttpMethod.Post, "/v3/directline/tokens/generate", client.Token);
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_gets_403_on_every_route_and_on_refresh()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        _clock.Advance(TimeSpan.FromMinutes(30));

        using var post = await client.PostAsync(DirectLineTestClient.Message("hi", "c1"));
        using var poll = await client.GetActivitiesAsync();
        using var reconnect = await client.ReconnectAsync();
        using var refresh = await client.RefreshAsync();
        using var start = await client.StartAsync();

        Assert.All([post, poll, reconnect, refresh, start], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Contains("TokenExpired", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Sink.Received, a => a.Type == "message");
    }

    [Fact]
    public async Task A_token_one_second_before_expiry_still_works()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        _clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));

        await client.SayAsync("still here");
    }

    [Fact]
    public async Task Refresh_gives_a_new_token_for_the_same_conversation_that_outlives_the_old_one()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        var old = client.Token;
        _clock.Advance(TimeSpan.FromMinutes(15));

        using var refresh = await client.RefreshAsync();
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        using var json = JsonDocument.Parse(await refresh.Content.ReadAsStringAsync());
        client.Token = json.RootElement.GetProperty("token").GetString();
        Assert.NotEqual(old, client.Token);
        Assert.Equal(client.ConversationId, json.RootElement.GetProperty("conversationId").GetString());

        _clock.Advance(TimeSpan.FromMinutes(20));   // the old token has expired, the new one has not
        await client.SayAsync("after refresh");
        var stale = new DirectLineTestClient(_host.Client, old) { ConversationId = client.ConversationId };
        using var staleResponse = await stale.GetActivitiesAsync();
        Assert.Equal(HttpStatusCode.Forbidden, staleResponse.StatusCode);
    }

    [Fact]
    public async Task The_secret_cannot_be_refreshed()
    {
        var client = new DirectLineTestClient(_host.Client, DirectLineTestHost.Secret);

        using var response = await client.RefreshAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_conversation_gets_403_on_every_conversation_route()
    {
        var mine = await DirectLineTestClient.StartedAsync(_host.Client);
        var theirs = await DirectLineTestClient.StartedAsync(_host.Client);
        await theirs.SayAsync("my private report");

        using var post = await mine.PostAsync(DirectLineTestClient.Message("hi", "c1"), theirs.ConversationId);
        using var poll = await mine.GetActivitiesAsync(conversationId: theirs.ConversationId);
        var intruder = new DirectLineTestClient(_host.Client, mine.Token) { ConversationId = theirs.ConversationId };
        using var reconnect = await intruder.ReconnectAsync();
        using var upload = await mine.UploadAsync(DirectLineUploadTests.PhotoUpload(DirectLineUploadTests.Png), theirs.ConversationId);

        Assert.All([post, poll, reconnect, upload], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.DoesNotContain("my private report", await poll.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_token_gets_403()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        var parts = client.Token!.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlDecode(parts[1]))!;
        payload["user"] = "someone-else";
        client.Token = $"{parts[0]}.{Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(payload))}.{parts[2]}";

        using var response = await client.GetActivitiesAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJjb252IjoieCIsInVzZXIiOiJ5In0.")]
    public async Task A_bearer_that_is_not_our_token_gets_403_not_500(string bearer)
    {
        var client = new DirectLineTestClient(_host.Client, bearer) { ConversationId = "x" };

        using var start = await client.StartAsync();
        using var poll = await client.GetActivitiesAsync();

        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_gets_403()
    {
        await using var other = await DirectLineTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = Convert.ToBase64String(new byte[48]) });
        var foreign = await DirectLineTestClient.GenerateAsync(other.Client);

        var client = new DirectLineTestClient(_host.Client, foreign.Token);
        using var response = await client.StartAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_stream_token_from_a_streamUrl_cannot_be_used_as_a_conversation_token()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        var streamToken = Uri.UnescapeDataString(client.StreamUrl!.Split("t=")[1]);

        var thief = new DirectLineTestClient(_host.Client, streamToken) { ConversationId = client.ConversationId };
        using var response = await thief.PostAsync(DirectLineTestClient.Message("hi", "c1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Posting_with_a_token_always_speaks_as_the_tokens_user()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        var user = new JsonWebToken(client.Token).GetPayloadValue<string>("user");

        await client.SayAsync("I am u-web, honest");

        Assert.Equal(user, _host.Sink.Received.Single(a => a.Type == "message").From?.Id);
    }

    private static byte[] Base64UrlDecode(string value) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(value);

    private static string Base64UrlEncode(byte[] value) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(value);
}
