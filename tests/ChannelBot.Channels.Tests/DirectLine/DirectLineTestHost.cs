using System.Net;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.DirectLine;
using ChannelBot.Channels.DirectLine;
using ChannelBot.Channels.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>
/// The Direct Line channel alone (its real registration and endpoints) on Kestrel, 127.0.0.1 and a free port, with a
/// <see cref="RecordingInboundSink"/> where the application's inbox would be, a configured secret and signing key, and
/// uploads in a fresh temporary folder.
/// </summary>
public sealed class DirectLineTestHost : IAsyncDisposable
{
    public const string Secret = "test-directline-secret-0123456789";

    /// <summary>48 bytes, base64: a fixed test key.</summary>
    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS1mb3ItZGlyZWN0LWxpbmUtdG9rZW5zLTAxMjM0NTY3";

    private readonly WebApplication _app;

    private DirectLineTestHost(WebApplication app, RecordingInboundSink sink, Uri baseAddress, string uploads)
    {
        _app = app;
        Sink = sink;
        BaseAddress = baseAddress;
        UploadFolder = uploads;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public RecordingInboundSink Sink { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress { get; }

    public string UploadFolder { get; }

    public IServiceProvider Services => _app.Services;

    public DirectLineSender Sender => _app.Services.GetRequiredService<DirectLineSender>();

    public static async Task<DirectLineTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        TimeProvider? timeProvider = null,
        IInboundActivitySink? sinkOverride = null,
        IDirectLineConversationStore? storeOverride = null,
        string environment = "Production")
    {
        var uploads = Directory.CreateTempSubdirectory("directline-uploads-").FullName;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        HermeticConfiguration.DropEnvironmentVariables(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["DirectLine:Secret"] = Secret,
            ["DirectLine:TokenSigningKey"] = SigningKey,
            ["DirectLine:UploadPath"] = uploads,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all.Where(pair => pair.Value is not null));
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        if (storeOverride is not null)
        {
            builder.Services.AddSingleton(storeOverride);
        }

        var sink = new RecordingInboundSink();
        builder.Services.AddSingleton<IInboundActivitySink>(sinkOverride ?? sink);
        builder.AddDirectLineChannel();

        var app = builder.Build();
        app.MapDirectLine();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new DirectLineTestHost(app, sink, new Uri(address), uploads);
    }

    public DirectLineTestClient NewClient(string? token = null) => new(Client, token);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(UploadFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }
}
