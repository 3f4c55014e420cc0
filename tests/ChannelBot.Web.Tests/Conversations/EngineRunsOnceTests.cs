using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using ChannelBot.Application.Conversations;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>
/// The dialog engine runs once per inbound activity, also on the turn that files a case (whose ticket number is
/// taken inside the write transaction) and on a turn that looks a case up. Counted on the turn pipeline's trace
/// spans, one per engine run, by the activity ids this test sent.
/// </summary>
public sealed partial class EngineRunsOnceTests : IDisposable
{
    private readonly ConcurrentDictionary<string, int> _runs = new(StringComparer.Ordinal);
    private readonly ActivityListener _listener;

    public EngineRunsOnceTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TurnTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = span =>
            {
                if (span.GetTagItem(TurnTracing.ActivityIdTag) is string id)
                {
                    _runs.AddOrUpdate(id, 1, (_, n) => n + 1);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Filing_a_case_and_looking_it_up_run_the_engine_once_each(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage);
        using var http = app.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "once-" + Guid.NewGuid().ToString("N"));
        await PotholeScript.StartAsync(resident);
        await resident.SayAsync("next to the curb");
        await resident.SayAsync("skip");
        await resident.SayAsync("It is deep enough to damage a tire.");
        await resident.SayAsync("no");
        await resident.SayAsync("no photo");
        await resident.SayAsync("skip");
        await resident.SayAsync("yes");

        var sendIt = resident.Message("send it");
        var receipt = await resident.SendAsync(sendIt);
        var ticket = Ticket().Match(receipt.Text ?? string.Empty);
        Assert.True(ticket.Success, $"no ticket in: {receipt.Text}");
        var status = resident.Message("status " + ticket.Value);
        var answer = await resident.SendAsync(status);

        Assert.Contains(ticket.Value, answer.Text, StringComparison.Ordinal);
        Assert.Equal(1, _runs.GetValueOrDefault(sendIt.Id!));
        Assert.Equal(1, _runs.GetValueOrDefault(status.Id!));
    }

    public void Dispose() => _listener.Dispose();

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
