using ChannelBot.Application.Messaging;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>
/// STOP in the middle of a report ends it: nothing more is sent, and after START the resident's next text begins a
/// new report instead of answering the question that was open when they left.
/// </summary>
public sealed class SmsOptOutTests
{
    [Fact]
    public async Task After_STOP_mid_report_a_START_begins_afresh_instead_of_the_open_question()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = ChannelBotApp.Start(storage, twilio.Settings);
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550311");
        await phone.TextAsync("there is a big pothole");
        var open = await phone.TextAsync("123 Main St");
        Assert.StartsWith("Where in the road is it?", open, StringComparison.Ordinal);
        var before = twilio.ReceivedBy(phone.Number).Count;

        await phone.SendAsync("STOP");
        await phone.SendAsync("START");
        var next = await phone.TextAsync("hello");

        // Twilio answers STOP and START on SMS itself; the city sent nothing in between.
        Assert.Equal(before + 1, twilio.ReceivedBy(phone.Number).Count);
        Assert.DoesNotContain("Where in the road", next, StringComparison.Ordinal);
        Assert.Contains("What's the problem?", next, StringComparison.Ordinal);
        var again = await phone.TextAsync("there is a big pothole");
        Assert.Contains("Where is it?", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_START_redelivered_after_a_later_STOP_does_not_undo_it()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = ChannelBotApp.Start(storage, twilio.Settings);
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550312");
        var consent = app.Services.GetRequiredService<IMessagingConsent>();

        await phone.SendAsAsync("SM00000000000000000000000000start1", "START");
        await phone.SendAsAsync("SM000000000000000000000000000stop2", "STOP");
        await phone.SendAsAsync("SM00000000000000000000000000start1", "START");

        Assert.True(await consent.IsOptedOutAsync("sms", phone.Number, CancellationToken.None));
    }
}
