using System.Net;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.DirectLine;
using ChannelBot.Channels.DirectLine;
using ChannelBot.Channels.Tests.Support;
using Microsoft.AspNetCore.Builder;
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

    private readonly LoopbackChannelApp _app;

    private DirectLineTestHost(LoopbackChannelApp app, string uploads)
    {
        _app = app;
        UploadFolder = uploads;
    }

    public RecordingInboundSink Sink => _app.Sink;

    public HttpClient Client => _app.Client;

    public Uri BaseAddress => _app.BaseAddress;

    public string UploadFolder { get; }

    public IServiceProvider Services => _app.Services;

    public DirectLineSender Sender => _app.Services.GetRequiredService<DirectLineSender>();

    public static async Task<DirectLineTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        TimeProvider? timeProvider = null,
        IInboundActivitySink? sinkOverride = null,
        IDirectLineConversationStore? storeOverride = null,
        string environment = "Production",
        IDirectLineSharedLog? sharedLog = null)
    {
        var uploads = Directory.CreateTempSubdirectory("directline-uploads-").FullName;
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

        var app = await LoopbackChannelApp.StartAsync(environment, all.Where(pair => pair.Value is not null), sinkOverride, builder =>
        {
            if (timeProvider is not null)
            {
                builder.Services.AddSingleton(timeProvider);
            }

            if (storeOverride is not null)
            {
                builder.Services.AddSingleton(storeOverride);
            }

            if (sharedLog is not null)
            {
                builder.Services.AddSingleton(sharedLog);
            }

            builder.AddDirectLineChannel();
        }, web => web.MapDirectLine());
        return new DirectLineTestHost(app, uploads);
    }

    public DirectLineTestClient NewClient(string? token = null) => new(Client, token);

    public async ValueTask DisposeAsync()
    {
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
