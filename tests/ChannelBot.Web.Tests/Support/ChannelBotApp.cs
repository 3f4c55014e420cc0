using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChannelBot.Web.Tests.Support;

/// <summary>
/// The real app (Program.cs, every registration) on Kestrel on loopback, on the given storage, with the
/// Connector's anonymous (Emulator) mode on. Settings override appsettings.json.
/// </summary>
public sealed class ChannelBotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private ChannelBotApp(Dictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static ChannelBotApp Start(TestStorage storage, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = storage.Provider,
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Connector:AllowAnonymous"] = "true",
            ["Dialogs:Path"] = RepositoryDialogs.Path,
            ["Dialogs:ReloadOnChange"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;   // null: leave the setting to the app's own default
        }

        var app = new ChannelBotApp(all);
        app.StartServer();
        app.BaseAddress = app.ClientOptions.BaseAddress;
        return app;
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings.Where(setting => setting.Value is not null))
        {
            builder.UseSetting(key, value);
        }
    }
}
