using System.Net;
using System.Net.Sockets;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Notifications;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Email;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Tests.Twilio;
using ChannelBot.Sandbox.Email;
using ChannelBot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using netDumbster.smtp;

namespace ChannelBot.Sandbox.Tests.Email;

/// <summary>
/// The sandbox's mailbox: in Development without a mail server the email channel delivers into it (moved from the
/// Channels tests' <c>EmailSenderTests</c>); with a mail server, or outside Development, the channel is left alone.
/// </summary>
public sealed class EmailSandboxTests : IDisposable
{
    private const string Resident = "ana@example.org";

    private readonly SimpleSmtpServer _smtp = SimpleSmtpServer.Start(FreePort());
    private readonly InMemoryConsent _consent = new();

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task In_Development_without_a_mail_server_the_sandbox_keeps_the_message()
    {
        using var host = Host([], Environments.Development);
        var sender = host.Services.GetRequiredService<EmailSender>();

        var result = await sender.SendAsync(Outbound(7, Update("The subject", "The body")), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var kept = Assert.Single(host.Services.GetRequiredService<EmailSandboxStore>().For("ANA@example.org"));
        Assert.Equal(("The subject", "The body"), (kept.Subject, kept.Body.Trim()));
        Assert.Equal(0, _smtp.ReceivedEmailCount);
    }

    [Fact]
    public void Email_is_claimed_with_a_mail_server_or_by_the_Development_sandbox_and_nowhere_else()
    {
        using var production = Host([], Environments.Production);
        using var development = Host([], Environments.Development);
        using var configured = Host(Smtp(), Environments.Production);

        Assert.False(production.Services.GetRequiredService<EmailSender>().Handles(NotificationChannels.Email));
        Assert.True(development.Services.GetRequiredService<EmailSender>().Handles(NotificationChannels.Email));
        Assert.True(configured.Services.GetRequiredService<EmailSender>().Handles(NotificationChannels.Email));
        Assert.False(configured.Services.GetRequiredService<EmailSender>().Handles(ChannelIds.Sms));
    }

    [Fact]
    public async Task In_Development_a_configured_mail_server_gets_the_message_and_the_sandbox_keeps_nothing()
    {
        using var host = Host(Smtp(), Environments.Development);

        var result = await host.Services.GetRequiredService<EmailSender>().SendAsync(Outbound(8, Update("The subject", "The body")), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(1, _smtp.ReceivedEmailCount);
        Assert.Empty(host.Services.GetRequiredService<EmailSandboxStore>().For(Resident));
    }

    private static Activity Update(string subject, string text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = NotificationChannels.Email,
        Conversation = new ConversationAccount(Resident),
        Recipient = new ChannelAccount(Resident),
        Summary = subject,
        Text = text,
    };

    private static OutboundMessage Outbound(long id, Activity activity) =>
        new(id, NotificationChannels.Email, ConversationKey.For(NotificationChannels.Email, Resident), activity, 0);

    private Dictionary<string, string?> Smtp() => new()
    {
        ["Email:Host"] = "127.0.0.1",
        ["Email:Port"] = _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Security"] = "None",
        ["Email:FromAddress"] = "311@springfield.example.gov",
        ["Email:FromName"] = "Springfield 311",
        ["Email:SendTimeout"] = "00:00:10",
    };

    /// <summary>The email channel as the app registers it, with the sandbox after it.</summary>
    private IHost Host(Dictionary<string, string?> settings, string environment)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(TestClock.Create());
        builder.Services.AddSingleton<IMessagingConsent>(_consent);
        builder.AddEmailChannel();
        builder.AddSandbox();
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
