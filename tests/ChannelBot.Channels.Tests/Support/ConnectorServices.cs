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
        builder.Configuration.AddInMemoryCollection(WithAnonymousAllowed(settings));
        builder.Services.AddLogging();
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.AddConnectorChannel();
        return builder.Build();
    }

    /// <summary>
    /// Tests run outside Development, so the Emulator's anonymous mode is switched on unless a test names
    /// <c>Connector:AllowAnonymous</c> (a null value leaves it unset: the production default).
    /// </summary>
    private static Dictionary<string, string?> WithAnonymousAllowed(IDictionary<string, string?>? settings)
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Connector:AllowAnonymous"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return merged.Where(pair => pair.Value is not null).ToDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
