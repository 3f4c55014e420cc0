using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChannelBot.Benchmarks.Load;

/// <summary>
/// The real app (Program.cs, every registration, the app's own appsettings.json and logging) on Kestrel on
/// loopback, on the given storage, with the Connector's anonymous (Emulator) mode on. Only what a benchmark must
/// pin is overridden.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private BotApp(Dictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <param name="extra">More settings for this run (a benchmark that needs more channels configured).</param>
    public static BotApp Start(BenchStorage storage, string dialogsPath, IReadOnlyDictionary<string, string?>? extra = null)
    {
        // WebApplicationFactory finds the app's content root through a manifest it reads from the current
        // directory; say it outright instead, so the benchmark runs from any directory. The app then reads its
        // own appsettings.json (logging levels included), as `dotnet run` would.
        var contentRoot = Path.GetFullPath(Path.Combine(dialogsPath, "..", "src", "ChannelBot.Web"));
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CHANNELBOT_WEB", contentRoot);
        var app = new BotApp(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = storage.Provider,
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Connector:AllowAnonymous"] = "true",
            ["Dialogs:Path"] = dialogsPath,
            ["Dialogs:ReloadOnChange"] = "false",
            ["Geo:Enabled"] = "false", // the pipeline's cost, with the generator's places kept as typed
        });
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            app._settings[key] = value;
        }

        app.StartServer();
        app.BaseAddress = app.ClientOptions.BaseAddress;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
