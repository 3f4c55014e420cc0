using ChannelBot.Application.Conversations;
using ChannelBot.Channels.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Channels.Tests.Connector;

/// <summary>An operator who turns anonymous Emulator posts on outside Development reads a warning at every start.</summary>
public sealed class ConnectorAnonymousWarningTests
{
    [Theory]
    [InlineData("Production", "true", true)]
    [InlineData("Staging", "true", true)]
    [InlineData("Production", null, false)]
    [InlineData("Development", null, false)]
    [InlineData("Development", "true", false)]
    public async Task The_switch_on_outside_development_is_a_warning_at_start(string environment, string? allowAnonymous, bool warned)
    {
        var logs = new ListLoggerProvider();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Connector:AllowAnonymous"] = allowAnonymous });
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<IInboundActivitySink>(new RecordingInboundSink());
        builder.AddConnectorChannel();
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(warned, logs.Entries.Any(e => e.EventId == 4140 && e.Level == LogLevel.Warning && e.Message.Contains("Connector:AllowAnonymous is on", StringComparison.Ordinal)));
    }
}
