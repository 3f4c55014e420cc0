// Notification drain: N pending status notifications on SMS (as a crash or a burst of staff changes would leave
// them in the outbox) are sent by the real app's outbox and Twilio sender to a fake Twilio API that accepts at
// most R messages a second. Reports the achieved rate against R, and any lost or doubled message.
//
//   dotnet run -c Release --project bench/ChannelBot.NotificationBench -- [count=10000] [rate=100]
using System.Diagnostics;
using System.Globalization;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using Activity = ChannelBot.Schema.Activity;

namespace ChannelBot.NotificationBench;

/// <summary>The drain benchmark's entry point (see the comment at the top of this file).</summary>
public static class DrainBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var rate = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        const string AccountSid = "AC00000000000000000000000000000099";

        var folder = Directory.CreateTempSubdirectory("channelbot-drain-");
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "drain.db")}";
        await using var twilio = await RateLimitedTwilio.StartAsync(AccountSid, rate);

        // The outbox as the staff changes leave it: one pending message per resident, all due now.
        await using (var db = new SqliteChannelBotDbContext(ChannelBotDbContextOptions.ForSqlite(connectionString)))
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < count; i++)
            {
                var phone = "+1555" + (2_000_000 + i).ToString(CultureInfo.InvariantCulture);
                var message = new Activity
                {
                    Type = ActivityTypes.Message,
                    ChannelId = ChannelIds.Sms,
                    Conversation = new ConversationAccount { Id = phone },
                    Recipient = new ChannelAccount { Id = phone },
                    From = new ChannelAccount { Id = "+15555550100" },
                    Text = $"Update {i}: crews are working on your report now.",
                    Timestamp = now,
                };
                db.OutboxMessages.Add(new OutboxMessageRecord
                {
                    ConversationKey = $"sms/conversations/{phone}",
                    ChannelId = ChannelIds.Sms,
                    ActivityJson = ActivityJson.Serialize(message),
                    CreatedAt = now,
                    NextAttemptAt = now,
                    Status = OutboxStatus.Pending,
                });
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"{count} notifications pending; fake Twilio accepts {rate}/s at {twilio.Url}");
        var clock = Stopwatch.StartNew();
        await using (var app = DrainApp.Start(connectionString, twilio.Url, AccountSid, rate))
        {
            var deadline = TimeSpan.FromSeconds((count / rate * 3) + 60);
            while (twilio.Accepted.Count < count && clock.Elapsed < deadline)
            {
                await Task.Delay(200);
            }
        }

        var elapsed = (twilio.LastAcceptedAt - twilio.FirstAcceptedAt) ?? TimeSpan.Zero;
        var delivered = twilio.Accepted.Count;
        var doubled = twilio.Accepted.Values.Count(c => c > 1);
        var achieved = delivered > 1 ? (delivered - 1) / elapsed.TotalSeconds : 0;
        Console.WriteLine($"delivered {delivered}/{count} (lost {count - delivered}, doubled {doubled}), refused with 429: {twilio.Refused}");
        Console.WriteLine($"first to last accepted: {elapsed.TotalSeconds:F1} s, achieved {achieved:F1} msg/s = {achieved / rate:P1} of the limit");
        folder.Delete(recursive: true);
        return delivered == count && doubled == 0 && achieved >= 0.98 * rate ? 0 : 1;
    }
}
