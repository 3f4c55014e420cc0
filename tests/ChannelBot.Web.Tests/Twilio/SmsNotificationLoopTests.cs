using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>
/// The whole loop on SMS: a resident texts a report, staff move it to in progress and then fixed, the resident
/// receives both updates at the fake Twilio API, answers "2", and the case is reopened with those words. Then
/// the same with a Twilio that misbehaves on 30% of its calls: every message still arrives exactly once.
/// </summary>
public sealed class SmsNotificationLoopTests
{
    [Fact]
    public async Task A_resident_on_SMS_hears_in_progress_and_fixed_and_reopens_with_2()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = Start(storage, twilio);
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550143");
        var ticket = await SmsScript.ReportPotholeAsync(phone);
        var before = twilio.ReceivedBy(phone.Number).Count;

        await StaffApi.ChangeStatusAsync(http, ticket, "in_progress");
        Assert.Equal($"Update on your Pothole report {ticket}: crews are working on it now.", await phone.WaitForTextAsync(before + 1));
        await StaffApi.ChangeStatusAsync(http, ticket, "fixed");
        Assert.Equal(
            $"Update on your Pothole report {ticket}: the city marked it fixed. Is it fixed? Reply 1 for yes, 2 for no.",
            await phone.WaitForTextAsync(before + 2));

        var answer = await phone.TextAsync("2");

        Assert.Contains($"reopened report {ticket}", answer, StringComparison.Ordinal);
        var detail = await StaffApi.GetCaseAsync(http, ticket);
        Assert.Equal("reopened", detail.Case.Status);
        Assert.Equal("2", detail.History[^1].PublicNote);
        Assert.Equal("resident", detail.History[^1].By);
        Assert.Equal(before + 3, twilio.ReceivedBy(phone.Number).Count);
    }

    [Fact]
    public async Task With_Twilio_failing_30_percent_of_calls_every_message_arrives_exactly_once()
    {
        // Seeded, so a failure can be replayed: 20% rate limited, 5% a 500 before the message exists, 5% a 500
        // after it was created (only the sender's look-up can tell).
        var random = new Random(20261129);
        var faults = new Func<int, TwilioFault>(_ =>
        {
            lock (random)
            {
                return random.Next(100) switch
                {
                    < 20 => TwilioFault.RateLimited,
                    < 25 => TwilioFault.ServerErrorBeforeCreate,
                    < 30 => TwilioFault.ServerErrorAfterCreate,
                    _ => TwilioFault.None,
                };
            }
        });
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio(faults);
        await using var app = Start(storage, twilio);
        using var http = app.CreateHttpClient();
        var phones = Enumerable.Range(0, 4).Select(i => new SmsPhone(http, twilio, $"+1555555020{i}")).ToList();

        var tickets = await Task.WhenAll(phones.Select(SmsScript.ReportPotholeAsync));
        foreach (var ticket in tickets)
        {
            await StaffApi.ChangeStatusAsync(http, ticket, "in_progress");
            await StaffApi.ChangeStatusAsync(http, ticket, "fixed");
        }

        for (var i = 0; i < phones.Count; i++)
        {
            // One answer per text, then the two updates, and never anything twice.
            var expected = SmsScript.Texts.Length + 2;
            await phones[i].WaitForTextAsync(expected);
            var received = twilio.ReceivedBy(phones[i].Number);
            Assert.Equal(1, received.Count(t => t.Contains("crews are working on it now", StringComparison.Ordinal)));
            Assert.Equal(1, received.Count(t => t.Contains("the city marked it fixed", StringComparison.Ordinal)));
            Assert.True(received.Count == expected, $"{phones[i].Number} received {received.Count} texts, not {expected}: {string.Join(" | ", received)}");
        }

        Assert.True(twilio.Served(TwilioFault.RateLimited) > 0, "No call was rate limited: the faults were not exercised.");
        Assert.True(twilio.Served(TwilioFault.ServerErrorBeforeCreate) > 0, "No call failed before creating.");
        Assert.True(twilio.Served(TwilioFault.ServerErrorAfterCreate) > 0, "No call failed after creating: the look-up before a resend was not exercised.");
    }

    [Fact]
    public async Task Being_told_to_slow_down_never_uses_up_a_message_s_tries()
    {
        // Twilio answers 429 to the first 12 creates: with the sender's three quick retries, that is three
        // outbox tries of four calls each, more than the two tries a message is allowed here.
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio(call => call <= 12 ? TwilioFault.RateLimited : TwilioFault.None);
        var settings = twilio.Settings;
        settings["Outbox:MaxAttempts"] = "2";
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550177");

        var answer = await phone.TextAsync("there is a big pothole");

        Assert.Contains("311", answer, StringComparison.Ordinal);
        Assert.Equal(12, twilio.Served(TwilioFault.RateLimited));
    }

    private static ChannelBotApp Start(TestStorage storage, FakeTwilio twilio)
    {
        var settings = twilio.Settings.WithOperator();
        settings["Outbox:FirstRetryDelay"] = "00:00:00.050";
        settings["Outbox:MaxRetryDelay"] = "00:00:00.500";
        settings["Outbox:SweepInterval"] = "00:00:01";
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00";
        return ChannelBotApp.Start(storage, settings);
    }
}
