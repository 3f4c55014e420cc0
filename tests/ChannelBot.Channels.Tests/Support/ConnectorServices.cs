using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Channels.Tests.Support;

/// <summary>A host with only the Connector channel registered (the real registration), for tests below HTTP.</summary>
public static class ConnectorServices
{
    public static IHost Build(IDictionary<string, string?> settings, TimeProvider? timeProvider = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.AddConnectorChannel();
        return builder.Build();
    }
}
