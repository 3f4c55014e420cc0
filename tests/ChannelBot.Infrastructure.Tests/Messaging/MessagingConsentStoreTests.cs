using ChannelBot.Application.Messaging;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Tests.Support;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Infrastructure.Tests.Messaging;

/// <summary>The opt-out store on real SQLite and PostgreSQL.</summary>
public sealed class MessagingConsentStoreTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task An_opted_out_address_is_opted_out_on_its_channel_only(string provider)
    {
        var (consent, _) = await StoreAsync(provider);
        var address = NewAddress();

        Assert.True(await consent.RecordAsync(new ConsentChange("sms", address, true, "keyword:STOP", Now), CancellationToken.None));

        Assert.True(await consent.IsOptedOutAsync("sms", address, CancellationToken.None));
        Assert.False(await consent.IsOptedOutAsync("whatsapp", "whatsapp:" + address, CancellationToken.None));
        Assert.False(await consent.IsOptedOutAsync("sms", NewAddress(), CancellationToken.None));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_second_stop_changes_nothing_and_confirms_nothing(string provider)
    {
        var (consent, database) = await StoreAsync(provider);
        var address = "whatsapp:" + NewAddress();

        var first = await consent.RecordAsync(new ConsentChange("whatsapp", address, true, "keyword:STOP", Now, Confirmation(address)), CancellationToken.None);
        var second = await consent.RecordAsync(new ConsentChange("whatsapp", address, true, "keyword:STOP", Now.AddMinutes(1), Confirmation(address)), CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        await using var db = database.CreateContext();
        var row = await db.OutboxMessages.SingleAsync(o => o.ConversationKey == "whatsapp/conversations/" + address);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal("whatsapp", row.ChannelId);
        Assert.Equal("You will get no more messages.", ActivityJson.Deserialize(row.ActivityJson).Text);
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Start_after_stop_opts_back_in_and_keeps_both_times(string provider)
    {
        var (consent, database) = await StoreAsync(provider);
        var address = NewAddress();
        await consent.RecordAsync(new ConsentChange("sms", address, true, "keyword:STOP", Now), CancellationToken.None);

        var changed = await consent.RecordAsync(new ConsentChange("sms", address, false, "keyword:START", Now.AddHours(1)), CancellationToken.None);

        Assert.True(changed);
        Assert.False(await consent.IsOptedOutAsync("sms", address, CancellationToken.None));
        await using var db = database.CreateContext();
        var row = await db.ChannelOptOuts.SingleAsync(o => o.Address == address);
        Assert.Equal(Now, row.OptedOutAt);
        Assert.Equal(Now.AddHours(1), row.OptedInAt);
        Assert.Equal("keyword:START", row.Source);
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Start_from_an_address_never_opted_out_changes_nothing(string provider)
    {
        var (consent, database) = await StoreAsync(provider);
        var address = NewAddress();

        Assert.False(await consent.RecordAsync(new ConsentChange("sms", address, false, "keyword:START", Now, Confirmation(address)), CancellationToken.None));

        await using var db = database.CreateContext();
        Assert.False(await db.ChannelOptOuts.AnyAsync(o => o.Address == address));
        Assert.False(await db.OutboxMessages.AnyAsync(o => o.ConversationKey == "sms/conversations/" + address));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task The_same_stop_recorded_eight_times_at_once_changes_the_state_once(string provider)
    {
        var (consent, database) = await StoreAsync(provider);
        var address = "whatsapp:" + NewAddress();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            consent.RecordAsync(new ConsentChange("whatsapp", address, true, "keyword:STOP", Now, Confirmation(address)), CancellationToken.None))));

        Assert.Equal(1, results.Count(r => r));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.ChannelOptOuts.CountAsync(o => o.Address == address));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(o => o.ConversationKey == "whatsapp/conversations/" + address));
    }

    private static string NewAddress() => "+1555" + Random.Shared.NextInt64(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..4];

    private static Activity Confirmation(string address) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = address.StartsWith("whatsapp:", StringComparison.Ordinal) ? "whatsapp" : "sms",
        Conversation = new ConversationAccount(address),
        Recipient = new ChannelAccount(address),
        Text = "You will get no more messages.",
    };

    private async Task<(IMessagingConsent Consent, TestDatabase Database)> StoreAsync(string provider)
    {
        var database = await databases.For(provider);
        var host = StoreHost.Build(database);
        return (host.Services.GetRequiredService<IMessagingConsent>(), database);
    }
}
