using System.Net;
using System.Net.Sockets;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Notifications;
using ChannelBot.Application.Outbound;
using ChannelBot.Application.Conversations;
using ChannelBot.Channels.Email;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Tests.Twilio;
using ChannelBot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using netDumbster.smtp;
using static ChannelBot.Channels.Tests.Email.EmailTestMail;

namespace ChannelBot.Channels.Tests.Email;

/// <summary>
/// <see cref="EmailSender"/> against a fake SMTP server (netDumbster) on loopback. The Development sandbox's mailbox is
/// tested in ChannelBot.Sandbox.Tests.
/// </summary>
public sealed class EmailSenderTests : IDisposable
{
    private readonly SimpleSmtpServer _smtp = SimpleSmtpServer.Start(FreePort());
    private readonly InMemoryConsent _consent = new();
    private readonly List<IHost> _hosts = [];

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _smtp.Dispose();
    }

    [Fact]
    public async Task A_status_update_arrives_with_its_subject_plain_text_body_sender_and_a_message_id_from_the_outbox_row()
    {
        var sender = Sender(Smtp());

        var result = await sender.SendAsync(Outbound(42, Update("City of Springfield 311: your Pothole report 311-2026-000123 is fixed", "Update on your Pothole report 311-2026-000123: the city marked it fixed.")), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var received = Assert.Single(_smtp.ReceivedEmail);
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received.Data));
        var mail = await MimeMessage.LoadAsync(raw);
        Assert.Equal(Resident, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("311@springfield.example.gov", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("Springfield 311", Assert.Single(mail.From.Mailboxes).Name);
        Assert.Equal("City of Springfield 311: your Pothole report 311-2026-000123 is fixed", mail.Subject);
        Assert.StartsWith("Update on your Pothole report 311-2026-000123: the city marked it fixed.\n\n-- \n", mail.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("outbox-42@springfield.example.gov", mail.MessageId);
        Assert.Equal("outbox-42@springfield.example.gov", result.ProviderMessageId);
    }

    [Fact]
    public async Task Spanish_text_survives_the_trip()
    {
        var result = await Sender(Smtp()).SendAsync(Outbound(1, Update("311 de Springfield: su reporte de Bache 311-2026-000123 está reparado", "Actualización de su reporte: ¿está reparado? Sí.")), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Assert.Single(_smtp.ReceivedEmail).Data));
        var mail = await MimeMessage.LoadAsync(raw);
        Assert.Equal("311 de Springfield: su reporte de Bache 311-2026-000123 está reparado", mail.Subject);
        Assert.StartsWith("Actualización de su reporte: ¿está reparado? Sí.\n\n-- \n", mail.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_opted_out_address_is_never_written_to()
    {
        _consent.OptOut(NotificationChannels.Email, Resident);

        var result = await Sender(Smtp()).SendAsync(Outbound(1, Update("Subject", "Body")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains("opted out", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task A_mail_server_that_cannot_be_reached_is_tried_again_later()
    {
        var settings = Smtp();
        settings["Email:Port"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = await Sender(settings).SendAsync(Outbound(1, Update("Subject", "Body")), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Contains("could not be reached", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("")]
    public async Task A_row_without_a_valid_address_fails_for_good(string address)
    {
        var activity = Update("Subject", "Body");
        activity.Recipient = new ChannelAccount(address);
        activity.Conversation = new ConversationAccount(address);

        var result = await Sender(Smtp()).SendAsync(Outbound(1, activity), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Equal(0, _smtp.ReceivedEmailCount);
    }

    [Fact]
    public void Email_is_claimed_with_a_mail_server_and_nowhere_else()
    {
        using var production = Host([], Environments.Production);
        using var development = Host([], Environments.Development);
        using var configured = Host(Smtp(), Environments.Production);

        Assert.False(production.Services.GetRequiredService<EmailSender>().Handles(NotificationChannels.Email));
        Assert.False(development.Services.GetRequiredService<EmailSender>().Handles(NotificationChannels.Email));
        Assert.True(configured.Services.GetRequiredService<EmailSender>().Handles(NotificationChannels.Email));
        Assert.False(configured.Services.GetRequiredService<EmailSender>().Handles(ChannelIds.Sms));
    }

    [Theory]
    [InlineData("Email:FromAddress", null, "Email:FromAddress")]
    [InlineData("Email:Port", "70000", "Email:Port")]
    [InlineData("Email:UserName", "mailer", "Email:Password")]
    [InlineData("Email:PublicBaseUrl", null, "Email:PublicBaseUrl")]
    [InlineData("Email:PublicBaseUrl", "311.example.gov/?x=1", "Email:PublicBaseUrl")]
    [InlineData("Email:UnsubscribeSecret", null, "Email:UnsubscribeSecret")]
    [InlineData("Email:UnsubscribeSecret", "too-short", "Email:UnsubscribeSecret")]
    public void A_configuration_that_could_not_send_stops_the_start(string key, string? value, string named)
    {
        var settings = Smtp();
        settings[key] = value;
        using var host = Host(settings, Environments.Production);

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value);
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    private EmailSender Sender(Dictionary<string, string?> settings)
    {
        var host = Host(settings, Environments.Production);
        _hosts.Add(host);
        return host.Services.GetRequiredService<EmailSender>();
    }

    private Dictionary<string, string?> Smtp() => EmailTestMail.Smtp(_smtp.Configuration.Port);

    private IHost Host(Dictionary<string, string?> settings, string environment) => EmailTestMail.Host(settings, environment, _consent);
}
