using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Instances;

/// <summary>
/// The process sending an SMS goes away after Twilio accepted the message and before the outcome was stored. The
/// instance that takes the row over asks Twilio first: the resident gets the text once — also when two identical
/// texts were waiting for the same phone.
/// </summary>
public sealed class CrashAfterTwilioAcceptedTests
{
    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_text_Twilio_accepted_before_the_sender_went_away_is_not_sent_again(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var twilio = new FakeTwilio(call => call == 1 ? TwilioFault.AcceptedThenSilent : TwilioFault.None);
        var phone = "+15555550161";

        await using (var first = ChannelBotApp.Start(storage, Settings(twilio), SharedClock))
        {
            using var http = first.CreateHttpClient();
            await new SmsPhone(http, twilio, phone).SendAsync("hi");

            // Twilio has the greeting; its answer never comes, and the process stops while waiting for it.
            await Eventually.HoldsAsync(() => twilio.ReceivedBy(phone).Count == 1);
        }

        Assert.Equal(1, await storage.PendingOutboxAsync());

        await using (var second = ChannelBotApp.Start(storage, Settings(twilio), SharedClock))
        {
            await Eventually.HoldsAsync(async () => await storage.PendingOutboxAsync() == 0);
        }

        Assert.Single(twilio.ReceivedBy(phone));
        await using var db = storage.Open();
        var row = await db.OutboxMessages.SingleAsync();
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.StartsWith("SM", row.ProviderMessageId, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Of_two_identical_texts_left_behind_only_the_one_Twilio_never_got_is_sent(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var twilio = new FakeTwilio();
        await using (var migrate = ChannelBotApp.Start(storage, Settings(twilio), SharedClock))
        {
        }

        // The state a kill -9 leaves: two identical reminders for one phone, the first accepted by Twilio, neither recorded.
        var phone = "+15555550162";
        const string Text = "Reminder: reply 1 if the pothole on Main St is fixed, 2 if not.";
        await SeededWork.DeadInstanceAsync(storage, "killed-1");
        await SmsRowAsync(storage, phone, Text, "killed-1");
        await SmsRowAsync(storage, phone, Text, "killed-1");
        twilio.Accepted(phone, Text);

        await using (var next = ChannelBotApp.Start(storage, Settings(twilio), SharedClock))
        {
            await Eventually.HoldsAsync(async () => await storage.PendingOutboxAsync() == 0);
        }

        Assert.Equal([Text, Text], twilio.ReceivedBy(phone));
        await using var db = storage.Open();
        var sids = await db.OutboxMessages.Select(m => m.ProviderMessageId).ToListAsync();
        Assert.Equal(2, sids.Distinct().Count());
    }

    /// <summary>
    /// An instance that went away without leaving (a kill) is presumed dead after 2 s here (60 s in production), so the
    /// take-over does not hang on whether the first app managed to leave while stopping.
    /// </summary>
    /// <summary>The apps of one test share one clock (xUnit makes a new instance per test), so a heartbeat one wrote is never in the next one's future.</summary>
    private readonly PinnedClock _clock = new(PinnedClock.Default);

    private void SharedClock(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    private static Dictionary<string, string?> Settings(FakeTwilio twilio)
    {
        var settings = twilio.Settings;
        settings["Instances:PresumedDeadAfter"] = "00:00:02";
        settings["Instances:HeartbeatInterval"] = "00:00:00.500";
        settings["Outbox:SweepInterval"] = "00:00:00.500";
        return settings;
    }

    private static async Task SmsRowAsync(TestStorage storage, string phone, string text, string owner)
    {
        await using var db = storage.Open();
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = ChannelIds.Sms,
            Conversation = new ConversationAccount { Id = phone },
            Recipient = new ChannelAccount { Id = phone },
            From = new ChannelAccount { Id = FakeTwilio.CityNumber },
            Text = text,
            Timestamp = PinnedClock.Default,
        };
        db.OutboxMessages.Add(new OutboxMessageRecord
        {
            ConversationKey = $"sms/conversations/{phone}",
            ChannelId = ChannelIds.Sms,
            ActivityJson = ActivityJson.Serialize(activity),
            CreatedAt = PinnedClock.Default,
            NextAttemptAt = PinnedClock.Default,
            Status = OutboxStatus.Pending,
            OwnerId = owner,
        });
        await db.SaveChangesAsync();
    }
}
