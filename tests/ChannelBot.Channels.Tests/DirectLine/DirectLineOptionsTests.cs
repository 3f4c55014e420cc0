using System.Net;
using ChannelBot.Application.DirectLine;
using ChannelBot.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>What the channel refuses at start-up, and how it behaves when it is off.</summary>
public sealed class DirectLineOptionsTests
{
    [Fact]
    public async Task Outside_Development_a_switched_on_channel_without_a_signing_key_refuses_to_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => DirectLineTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:TokenSigningKey"] = null,
            ["DirectLine:Enabled"] = "true",
        }));

        Assert.Contains("TokenSigningKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_a_secret_without_a_signing_key_refuses_to_start()
    {
        await Assert.ThrowsAsync<OptionsValidationException>(() => DirectLineTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = null }));
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all!")]
    public async Task A_short_or_malformed_signing_key_refuses_to_start(string key)
    {
        await Assert.ThrowsAsync<OptionsValidationException>(() => DirectLineTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = key }));
    }

    [Fact]
    public async Task With_no_Direct_Line_settings_outside_Development_the_channel_is_off_and_refuses_everything()
    {
        await using var host = await DirectLineTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:TokenSigningKey"] = null,
            ["DirectLine:Secret"] = null,
        });

        using var session = await host.Client.PostAsync(new Uri("/api/chat/session", UriKind.Relative), null);
        using var generate = await host.Client.SendAsync(DirectLineTestClient.Request(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineTestHost.Secret));

        Assert.Equal(HttpStatusCode.Forbidden, session.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, generate.StatusCode);
    }

    [Fact]
    public async Task In_Development_a_log_shared_by_several_instances_refuses_to_start_without_a_signing_key()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => DirectLineTestHost.StartAsync(
            new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = null, ["DirectLine:Secret"] = null },
            environment: Environments.Development,
            sharedLog: new UnusedSharedLog()));

        Assert.Contains("DirectLine:TokenSigningKey is required when Storage:Provider is Postgres", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_a_log_shared_by_several_instances_starts_with_a_configured_key()
    {
        await using var host = await DirectLineTestHost.StartAsync(environment: Environments.Development, sharedLog: new UnusedSharedLog());

        Assert.False(host.Services.GetRequiredService<DirectLineTokens>().GeneratedKey);
    }

    [Fact]
    public async Task In_Development_a_key_is_generated_and_the_channel_works()
    {
        await using var host = await DirectLineTestHost.StartAsync(
            new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = null },
            environment: Environments.Development);

        var client = await DirectLineTestClient.StartedAsync(host.Client);
        await client.SayAsync("hello");
    }

    [Fact]
    public void Origins_must_be_origins()
    {
        Assert.Equal("https://city.example.gov", DirectLineCors.NormalizeOrigin("https://City.example.gov/"));
        Assert.Null(DirectLineCors.NormalizeOrigin("https://city.example.gov/chat"));
        Assert.Null(DirectLineCors.NormalizeOrigin("city.example.gov"));
        Assert.Null(DirectLineCors.NormalizeOrigin("*"));
    }

    /// <summary>Stands for PostgreSQL's shared log: these tests never get as far as using it.</summary>
    private sealed class UnusedSharedLog : IDirectLineSharedLog
    {
        public event Action<string?>? Appended { add { } remove { } }

        public Task<long> ReserveAsync(string conversationId, int count, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<SharedLogAppend> AppendAsync(string conversationId, string activityId, StoredDirectLineActivity activity, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> MarkStartedAsync(string conversationId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
