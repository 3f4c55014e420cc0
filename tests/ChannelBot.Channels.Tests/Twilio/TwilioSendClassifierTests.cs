using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Twilio;

namespace ChannelBot.Channels.Tests.Twilio;

public sealed class TwilioSendClassifierTests
{
    [Fact]
    public void A_429_keeps_the_retry_after_it_was_given()
    {
        var verdict = TwilioSendClassifier.Classify(429, null, new TwilioApiError { Code = 20429 }, TimeSpan.FromSeconds(7));

        Assert.Equal(SendOutcome.RetryLater, verdict.Result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(7), verdict.Result.RetryAfter);
        Assert.True(verdict.Result.Throttled);
    }

    [Fact]
    public void A_429_without_retry_after_is_a_throttle_that_comes_back_soon_and_uses_no_try()
    {
        var verdict = TwilioSendClassifier.Classify(429, null, null, null);

        Assert.True(verdict.Result.Throttled);
        Assert.Equal(SendResult.DefaultThrottleDelay, verdict.Result.RetryAfter);
    }

    [Theory]
    [InlineData(500, 20500)]
    [InlineData(401, 20003)]
    public void Other_retries_are_not_throttles(int status, int code) =>
        Assert.False(TwilioSendClassifier.Classify(status, null, new TwilioApiError { Code = code }, null).Result.Throttled);

    [Theory]
    [InlineData(400, 21610, SendOutcome.Failed, true)]
    [InlineData(400, 63014, SendOutcome.Failed, true)]
    [InlineData(400, 21211, SendOutcome.Failed, false)]
    [InlineData(400, 21614, SendOutcome.Failed, false)]
    [InlineData(400, 63016, SendOutcome.Failed, false)]
    [InlineData(400, 21606, SendOutcome.Failed, false)]
    [InlineData(401, 20003, SendOutcome.RetryLater, false)]
    [InlineData(500, 20500, SendOutcome.RetryLater, false)]
    [InlineData(503, null, SendOutcome.RetryLater, false)]
    public void Twilio_errors_follow_the_table(int status, int? code, SendOutcome outcome, bool optedOut)
    {
        var verdict = TwilioSendClassifier.Classify(status, null, code is null ? null : new TwilioApiError { Code = code }, null);

        Assert.Equal(outcome, verdict.Result.Outcome);
        Assert.Equal(optedOut, verdict.OptedOut);
    }

    [Fact]
    public void A_success_without_a_sid_is_not_taken_as_sent()
    {
        Assert.Equal(SendOutcome.RetryLater, TwilioSendClassifier.Classify(201, new TwilioMessageResource(), null, null).Result.Outcome);
    }

    [Theory]
    [InlineData("Mon, 23 Nov 2026 18:00:00 +0000", 18)]
    [InlineData("Mon, 23 Nov 2026 13:00:00 -0500", 18)]
    public void Rfc_2822_dates_are_read(string value, int utcHour)
    {
        Assert.True(TwilioDates.TryParse(value, out var at));
        Assert.Equal(utcHour, at.UtcDateTime.Hour);
    }
}
