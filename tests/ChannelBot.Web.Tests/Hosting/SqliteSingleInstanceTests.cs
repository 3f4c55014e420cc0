using ChannelBot.Web.Tests.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace ChannelBot.Web.Tests.Hosting;

/// <summary>SQLite serves one instance: a second one opened on the same database file says so at start-up, and the first does not.</summary>
public sealed class SqliteSingleInstanceTests
{
    [Fact]
    public async Task A_second_instance_on_the_same_SQLite_file_warns_that_SQLite_serves_one_instance()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        var first = new CapturedLogs();
        var second = new CapturedLogs();

        await using var one = ChannelBotApp.Start(storage, null, services => services.AddSingleton<ILogEventSink>(first));
        await using var two = ChannelBotApp.Start(storage, null, services => services.AddSingleton<ILogEventSink>(second));

        Assert.Contains(second.Events, e => e.Contains("SQLite serves one instance", StringComparison.Ordinal));
        Assert.DoesNotContain(first.Events, e => e.Contains("SQLite serves one instance", StringComparison.Ordinal));
    }
}
