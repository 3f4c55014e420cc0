using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Support;

/// <summary>
/// The real app (Program.cs, every registration) on Kestrel on loopback, on the given storage, with the
/// Connector's anonymous (Emulator) mode on. Settings override appsettings.json; the machine's environment
/// variables are not read; the clock is a <see cref="PinnedClock"/> (mid-day in the city) unless the test
/// registers its own <see cref="TimeProvider"/>.
/// </summary>
public sealed class ChannelBotApp : WebApplicationFactory<Program>
{
    /// <summary>The host environment tests run in unless they ask for another.</summary>
    public const string TestingEnvironment = "Testing";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;

    private ChannelBotApp(Dictionary<string, string?> settings, Action<IServiceCollection>? services, string environment)
    {
        _settings = settings;
        _services = services;
        _environment = environment;
        UseKestrel(0);
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <param name="services">Replaces registrations after the app's own (e.g. a FakeTimeProvider as the TimeProvider).</param>
    /// <param name="environment">The host environment (e.g. <c>Development</c> for the sandbox); <see cref="TestingEnvironment"/> by default.</param>
    public static ChannelBotApp Start(TestStorage storage, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string environment = TestingEnvironment)
    {
        var all = BaseSettings(storage);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;   // null: leave the setting to the app's own default
        }

        var app = new ChannelBotApp(all, services, environment);
        app.StartServer();
        app.BaseAddress = app.ClientOptions.BaseAddress;
        return app;
    }

    /// <summary>What every app under test runs with: its database, the repository's dialog files, no map, few logs.</summary>
    public static Dictionary<string, string?> BaseSettings(TestStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return new(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = storage.Provider,
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Connector:AllowAnonymous"] = "true",
            ["Dialogs:Path"] = RepositoryDialogs.Path,
            ["Dialogs:ReloadOnChange"] = "false",

            // Places are kept as typed unless a test loads the sample city's map (Geo:Enabled = true).
            ["Geo:Enabled"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",

            // Every test client comes from 127.0.0.1: the per-network sign-in rate is for a real network, not this one.
            ["Staff:SignIn:AttemptsPerMinutePerNetwork"] = "10000",
        };
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration((_, configuration) => HermeticConfiguration.DropEnvironmentVariables(configuration));
        foreach (var (key, value) in _settings.Where(setting => setting.Value is not null))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new PinnedClock(PinnedClock.Default)));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
