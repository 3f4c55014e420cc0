using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Notifications;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Channels.Tests.Email;

/// <summary>What the email channel's tests share (here and in the sandbox's): the update they send, the settings of a loopback SMTP server, and the channel's host.</summary>
public static class EmailTestMail
{
    public const string Resident = "ana@example.org";

    /// <summary>The public origin the unsubscribe links point at in these tests.</summary>
    public const string PublicBaseUrl = "https://311.springfield.example.gov";

    public const string UnsubscribeSecret = "test-unsubscribe-key-0123456789abcdef0123456789";

    public static Activity Update(string subject, string text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = NotificationChannels.Email,
        Conversation = new ConversationAccount(Resident),
        Recipient = new ChannelAccount(Resident),
        Summary = subject,
        Text = text,
    };

    public static OutboundMessage Outbound(long id, Activity activity) =>
        new(id, NotificationChannels.Email, ConversationKey.For(NotificationChannels.Email, Resident), activity, 0);

    /// <summary>Settings for an SMTP server on loopback <paramref name="port"/>, plain, 10 s to send, with the unsubscribe links' origin and key.</summary>
    public static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["Email:Host"] = "127.0.0.1",
        ["Email:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Email:Security"] = "None",
        ["Email:FromAddress"] = "311@springfield.example.gov",
        ["Email:FromName"] = "Springfield 311",
        ["Email:SendTimeout"] = "00:00:10",
        ["Email:PublicBaseUrl"] = PublicBaseUrl,
        ["Email:UnsubscribeSecret"] = UnsubscribeSecret,
    };

    /// <summary>The email channel as the app registers it; <paramref name="more"/> adds what a test needs after it (the sandbox).</summary>
    public static IHost Host(Dictionary<string, string?> settings, string environment, IMessagingConsent consent, Action<HostApplicationBuilder>? more = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(TestClock.Create());
        builder.Services.AddSingleton(consent);
        builder.AddEmailChannel();
        more?.Invoke(builder);
        return builder.Build();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
