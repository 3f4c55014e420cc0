using System.Net;
using System.Text;
using ChannelBot.Application.Conversations;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Twilio;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>The inbox is down; the channel must say so with 503 and Retry-After, never claim the message.</summary>
public sealed class TwilioUnavailableInboxTests
{
    [Fact]
    public async Task When_the_inbox_is_unavailable_the_answer_is_503_with_retry_after()
    {
        await using var host = await TwilioTestHost.StartAsync(sinkOverride: new ThrowingSink(new InboxUnavailableException()));
        using var request = TwilioRequests.Signed(TwilioRequests.Sms());

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(TwilioResponses.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("<Response", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_failure_of_the_inbox_is_a_503_too_never_a_500()
    {
        await using var host = await TwilioTestHost.StartAsync(sinkOverride: new UnavailableInboundSink());
        using var request = TwilioRequests.Signed(TwilioRequests.Sms());

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private sealed class ThrowingSink(Exception exception) : IInboundActivitySink
    {
        public Task<InboundAcceptance> AcceptAsync(Activity activity, CancellationToken cancellationToken) => Task.FromException<InboundAcceptance>(exception);
    }
}
