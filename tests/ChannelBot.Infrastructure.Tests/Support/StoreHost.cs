using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Infrastructure.Tests.Support;

/// <summary>The persistence registration (no migration on start) over a test database, to resolve its stores.</summary>
public static class StoreHost
{
    public static IHost Build(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = database.Provider,
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Storage:MigrateOnStartup"] = "false",
        });
        builder.AddPersistence();
        return builder.Build();
    }
}
