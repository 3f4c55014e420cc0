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
using static ChannelBot.Channels.Tests.Email.EmailTestMail;

namespace ChannelBot.Sandbox.Tests.Email;

/// <summary>
/// The sandbox's mailbox: in Development without a mail server the email channel delivers into it (moved from the
/// Channels tests' <c>EmailSenderTests</c>); with a mail server, or outside Development, the channel is left alone.
/// </summary>
public sealed class EmailSandboxTests : IDisposable
{
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
        Assert.Equal("The subject", kept.Subject);
        Assert.StartsWith("The body\n\n-- \n", kept.Body.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        // The unsubscribe link, signed with the development key, on the app's own address (not listening here).
        Assert.StartsWith("<http://127.0.0.1:9/email/unsubscribe?token=", kept.ListUnsubscribe, StringComparison.Ordinal);
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

    private Dictionary<string, string?> Smtp() => ChannelBot.Channels.Tests.Email.EmailTestMail.Smtp(_smtp.Configuration.Port);

    private IHost Host(Dictionary<string, string?> settings, string environment) => ChannelBot.Channels.Tests.Email.EmailTestMail.Host(settings, environment, _consent, builder => builder.AddSandbox());
}
