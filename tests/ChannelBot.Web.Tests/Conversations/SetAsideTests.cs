using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Turns;
using ChannelBot.Schema;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>
/// A message whose turn runs over its time budget twice is set aside: the resident gets an apology and can go on,
/// staff see what arrived, and it is never run again — not even after a restart.
/// </summary>
public sealed partial class SetAsideTests
{
    private static Dictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Turns:TimeBudget"] = "00:00:00.300",
    }.WithOperator();

    [Fact]
    public async Task A_message_that_runs_over_its_budget_twice_is_set_aside_the_resident_is_told_and_staff_see_it()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        StallingDialogEngineSource engines = null!;
        await using var app = ChannelBotApp.Start(storage, Settings(), services => StallingDialogEngineSource.Install(services, e => engines = e));
        using var http = app.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "slow-" + Guid.NewGuid().ToString("N"));
        await resident.SayAsync("hi");

        engines.StallFor = TimeSpan.FromSeconds(1.5);
        engines.Stall = true;
        var apology = await resident.SayAsync("my street light keeps blinking all night");
        engines.Stall = false;

        Assert.StartsWith("Sorry, something went wrong with your last message", apology.Text, StringComparison.Ordinal);
        var next = await resident.SayAsync("there's a huge pothole in the road");
        Assert.Contains("Pothole", next.Text, StringComparison.Ordinal);

        var setAside = Assert.Single(await ListAsync(http));
        Assert.Equal("my street light keeps blinking all night", setAside.Text);
        Assert.Equal((0, 2), (setAside.Attempts, setAside.Overruns));
        Assert.Equal(ChannelIds.Emulator, setAside.ChannelId);
    }

    [Fact]
    public async Task A_set_aside_message_and_its_apology_are_in_the_conversation_of_the_case_filed_after_it()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        StallingDialogEngineSource engines = null!;
        await using var app = ChannelBotApp.Start(storage, Settings(), services => StallingDialogEngineSource.Install(services, e => engines = e));
        using var http = app.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "slow-case-" + Guid.NewGuid().ToString("N"));
        engines.StallFor = TimeSpan.FromSeconds(1.5);
        engines.Stall = true;
        await resident.SayAsync("my street light keeps blinking all night");
        engines.Stall = false;

        await PotholeScript.StartAsync(resident);
        var ticket = Ticket().Match(await PotholeScript.FinishAsync(resident)).Value;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{ticket}/conversation");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", StaffApi.OperatorKey);
        using var response = await http.SendAsync(request);
        var conversation = (await response.Content.ReadFromJsonAsync<CaseConversationDto>())!;
        var texts = conversation.Messages.Select(m => (m.Direction, m.Text)).ToList();
        var stalled = texts.IndexOf(("resident", "my street light keeps blinking all night"));
        Assert.True(stalled >= 0, string.Join(" | ", texts));
        Assert.Equal("bot", texts[stalled + 1].Direction);
        Assert.StartsWith("Sorry, something went wrong with your last message", texts[stalled + 1].Text, StringComparison.Ordinal);
        Assert.Equal(("resident", "hi"), texts[stalled + 2]);
    }

    [Fact]
    public async Task An_activity_whose_tries_were_spent_before_a_restart_is_set_aside_at_start_and_not_run()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        var conversation = "spent-" + Guid.NewGuid().ToString("N");
        var resident = new EmulatorClient(new HttpClient(), connector, conversation);
        await using (var first = ChannelBotApp.Start(storage))
        {
            // What a process leaves when it stops after the second overrun was recorded but before setting it aside.
            var factory = first.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var stuck = resident.Message("a message that stalled the engine twice", "stuck-1");
            db.InboundActivities.Add(new InboundActivityRecord
            {
                ChannelId = ChannelIds.Emulator,
                ActivityId = "stuck-1",
                ConversationKey = $"emulator/conversations/{conversation}",
                ActivityJson = ActivityJson.Serialize(stuck),
                ReceivedAt = PinnedClock.Default,
                Overruns = 2,
            });
            await db.SaveChangesAsync();
        }

        await using var second = ChannelBotApp.Start(storage, Settings());
        using var http = second.CreateHttpClient();

        var apology = await connector.WaitForReplyToAsync(conversation, "stuck-1");

        Assert.StartsWith("Sorry, something went wrong with your last message", apology.Text, StringComparison.Ordinal);
        Assert.Single(connector.SentTo(conversation));
        var setAside = Assert.Single(await ListAsync(http));
        Assert.Equal("stuck-1", (await RowAsync(second, setAside.Id)).ActivityId);
    }

    [Fact]
    public async Task Department_staff_and_readers_cannot_list_set_aside_messages()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        var settings = Settings();
        settings["Staff:ApiKeys:1:Name"] = "Reader";
        settings["Staff:ApiKeys:1:Key"] = "reader-key-0123456789abcdef0123456789abc";
        settings["Staff:ApiKeys:1:Role"] = "reader";
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inbox/set-aside");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", "reader-key-0123456789abcdef0123456789abc");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<List<SetAsideMessage>> ListAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inbox/set-aside");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", StaffApi.OperatorKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<SetAsideMessage>>())!;
    }

    private static async Task<InboundActivityRecord> RowAsync(ChannelBotApp app, long id)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var row = await db.InboundActivities.AsNoTracking().SingleAsync(i => i.Id == id);
        Assert.NotNull(row.SetAsideAt);
        Assert.NotNull(row.ProcessedAt);
        return row;
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
