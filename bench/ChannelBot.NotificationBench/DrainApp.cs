using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChannelBot.NotificationBench;

/// <summary>The real app (every registration) on the drain's SQLite file, with Twilio pointed at the fake API.</summary>
public sealed class DrainApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private DrainApp(Dictionary<string, string?> settings) => _settings = settings;

    public static DrainApp Start(string connectionString, string twilioUrl, string accountSid, double rate)
    {
        var repository = FindRepository();
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CHANNELBOT_WEB", Path.Combine(repository, "src", "ChannelBot.Web"));
        var app = new DrainApp(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = connectionString,
            ["Dialogs:Path"] = Path.Combine(repository, "dialogs"),
            ["Dialogs:ReloadOnChange"] = "false",
            ["Geo:Enabled"] = "false", // the pipeline's cost, with the generator's places kept as typed
            ["Twilio:AccountSid"] = accountSid,
            ["Twilio:AuthToken"] = "drain-benchmark-token",
            ["Twilio:PublicBaseUrl"] = "https://311.example.gov",
            ["Twilio:From"] = "+15555550100",
            ["Twilio:ApiBaseUrl"] = twilioUrl,
            ["Twilio:Pacing:MessagesPerSecond"] = rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Serilog:MinimumLevel:Default"] = "Error",
        });
        _ = app.Services;   // starts the host: migrations, dialog files, the outbox
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

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "dialogs", "catalog.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Run from inside the ChannelBot checkout (no dialogs/catalog.yaml above the current directory).");
    }
}
