using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Hosting;

/// <summary>/health/ready says Degraded when a due outbox message has waited too long to go out (sending is stuck).</summary>
public sealed class ReadinessTests
{
    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_message_long_overdue_in_the_outbox_makes_readiness_degraded_and_one_due_later_does_not(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?>
        {
            ["Outbox:SweepInterval"] = "01:00:00",          // nothing picks the rows up while the test looks
            ["Outbox:ReadinessMaxOverdue"] = "00:05:00",
            ["Turns:ReadinessMaxWait"] = "00:01:00",
        });
        using var http = app.CreateHttpClient();
        var before = await http.GetStringAsync("/health/ready");

        await AddPendingAsync(app, dueAt: PinnedClock.Default.AddMinutes(30));   // quiet hours: due later, not late
        var withLaterRow = await http.GetStringAsync("/health/ready");
        await AddPendingAsync(app, dueAt: PinnedClock.Default.AddMinutes(-10));
        var withOverdueRow = await http.GetStringAsync("/health/ready");

        Assert.Equal("Healthy", before);
        Assert.Equal("Healthy", withLaterRow);
        Assert.Equal("Degraded", withOverdueRow);
    }

    private static async Task AddPendingAsync(ChannelBotApp app, DateTimeOffset dueAt)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var activity = new Activity { Type = ActivityTypes.Message, ChannelId = ChannelIds.Emulator, Text = "Update on your report" };
        db.OutboxMessages.Add(new OutboxMessageRecord
        {
            ConversationKey = "emulator/conversations/readiness-" + Guid.NewGuid().ToString("N"),
            ChannelId = ChannelIds.Emulator,
            ActivityJson = ActivityJson.Serialize(activity),
            CreatedAt = dueAt,
            NextAttemptAt = dueAt,
            Status = OutboxStatus.Pending,
        });
        await db.SaveChangesAsync();
    }
}
