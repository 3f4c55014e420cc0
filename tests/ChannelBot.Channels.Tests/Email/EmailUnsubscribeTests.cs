using System.Net;
using ChannelBot.Application.Notifications;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Email;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Tests.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using netDumbster.smtp;
using static ChannelBot.Channels.Tests.Email.EmailTestMail;

namespace ChannelBot.Channels.Tests.Email;

/// <summary>
/// Issue 17: every email carries an unsubscribe link (footer, <c>List-Unsubscribe</c>, one-click
/// <c>List-Unsubscribe-Post</c>) to <c>/email/unsubscribe</c> on the app (Kestrel on loopback), whose POST records the
/// opt-out where the sender's check reads it. The real consent store on SQLite and PostgreSQL is in the Web tests.
/// </summary>
public sealed class EmailUnsubscribeTests : IAsyncLifetime
{
    private readonly SimpleSmtpServer _smtp = SimpleSmtpServer.Start(FreePort());
    private readonly InMemoryConsent _consent = new();
    private LoopbackChannelApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await LoopbackChannelApp.StartAsync(
            Environments.Production,
            Smtp(_smtp.Configuration.Port),
            sinkOverride: null,
            register: builder =>
            {
                builder.Services.AddSingleton<Application.Messaging.IMessagingConsent>(_consent);
                builder.AddEmailChannel();
            },
            map: app => app.MapEmail());

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _smtp.Dispose();
    }

    [Fact]
    public async Task Every_email_carries_the_unsubscribe_link_in_its_footer_and_the_one_click_headers()
    {
        var mail = await SendAsync(Update("Subject", "Body"));

        var link = UnsubscribeLink(mail);
        Assert.StartsWith(PublicBaseUrl + "/email/unsubscribe?token=", link, StringComparison.Ordinal);
        Assert.EndsWith("&lang=en", link, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers[HeaderId.ListUnsubscribePost]);
        Assert.Contains("To get no more emails from us, open this link: " + link, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Resident, link, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_Spanish_email_says_it_in_Spanish_and_links_to_the_Spanish_page()
    {
        var activity = Update("Asunto", "Cuerpo");
        activity.Locale = "es";

        var mail = await SendAsync(activity);

        var link = UnsubscribeLink(mail);
        Assert.EndsWith("&lang=es", link, StringComparison.Ordinal);
        Assert.Contains("Para no recibir más correos nuestros, abra este enlace: " + link, mail.TextBody, StringComparison.Ordinal);
        using var page = await _app.Client.GetAsync(Local(link));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\">", html, StringComparison.Ordinal);
        Assert.Contains("Darme de baja", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_link_asks_and_changes_nothing_and_the_one_click_POST_opts_the_address_out()
    {
        var link = Local(UnsubscribeLink(await SendAsync(Update("Subject", "Body"))));

        using var page = await _app.Client.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Unsubscribe from emails</h1>", html, StringComparison.Ordinal);
        Assert.Contains("a***@example.org", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Resident, html, StringComparison.Ordinal);
        Assert.Empty(_consent.Changes);

        // What a mail program sends for one click (RFC 8058).
        using var oneClick = await _app.Client.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("You will get no more emails", await oneClick.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var change = Assert.Single(_consent.Changes);
        Assert.Equal((NotificationChannels.Email, Resident, true, "email:unsubscribe"), (change.ChannelId, change.Address, change.OptedOut, change.Source));
    }

    [Fact]
    public async Task After_unsubscribing_the_sender_writes_nothing_more_to_the_address()
    {
        // Fails if the sender's opt-out check (OptOutGate) were removed: the unsubscribe is recorded, the next email is not sent.
        var link = Local(UnsubscribeLink(await SendAsync(Update("Receipt", "Your report is filed."))));
        using var oneClick = await _app.Client.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);

        var result = await _app.Services.GetRequiredService<EmailSender>().SendAsync(Outbound(2, Update("Update", "It is fixed.")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Equal("the address has opted out of email messages; not sent", result.Error);
        Assert.Equal(1, _smtp.ReceivedEmailCount);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("other address")]
    [InlineData("other key")]
    [InlineData("no signature")]
    [InlineData("garbage")]
    [InlineData("too long")]
    [InlineData("missing")]
    public async Task A_link_that_is_not_ours_is_a_400_page_on_GET_and_POST_and_records_nothing(string how)
    {
        var good = Token(UnsubscribeLink(await SendAsync(Update("Subject", "Body"))));
        var dot = good.IndexOf('.', StringComparison.Ordinal);
        var token = how switch
        {
            "tampered" => good[..^2] + (good[^2] == 'A' ? "B" : "A") + good[^1],
            "other address" => System.Buffers.Text.Base64Url.EncodeToString("bob@example.org"u8) + good[dot..],
            "other key" => new EmailUnsubscribeToken(new StaticOptions(new EmailOptions { UnsubscribeSecret = new string('k', 40) })).Create(Resident)!,
            "no signature" => good[..dot],
            "garbage" => "%%%not a token<script>",
            "too long" => good + new string('A', EmailUnsubscribeToken.MaxLength),
            _ => null,
        };
        var path = "/email/unsubscribe" + (token is null ? string.Empty : "?token=" + Uri.EscapeDataString(token));

        using var page = await _app.Client.GetAsync(path);
        using var post = await _app.Client.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("This unsubscribe link is not valid", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_consent.Changes);
    }

    [Fact]
    public async Task A_POST_with_a_body_larger_than_one_click_needs_is_refused()
    {
        var link = Local(UnsubscribeLink(await SendAsync(Update("Subject", "Body"))));

        using var post = await _app.Client.PostAsync(link, new StringContent(new string('x', EmailUnsubscribeHandler.MaxBodyBytes + 1)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, post.StatusCode);
        Assert.Empty(_consent.Changes);
    }

    private async Task<MimeMessage> SendAsync(Schema.Activity activity)
    {
        var before = _smtp.ReceivedEmailCount;
        var result = await _app.Services.GetRequiredService<EmailSender>().SendAsync(Outbound(1, activity), CancellationToken.None);
        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(before + 1, _smtp.ReceivedEmailCount);
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(_smtp.ReceivedEmail[^1].Data));
        return await MimeMessage.LoadAsync(raw);
    }

    /// <summary>The URL in <c>List-Unsubscribe: &lt;…&gt;</c>.</summary>
    private static string UnsubscribeLink(MimeMessage mail)
    {
        var header = mail.Headers[HeaderId.ListUnsubscribe] ?? string.Empty;
        Assert.StartsWith("<", header, StringComparison.Ordinal);
        Assert.EndsWith(">", header, StringComparison.Ordinal);
        return header[1..^1];
    }

    private static string Token(string link) => Uri.UnescapeDataString(link.Split("token=")[1].Split('&')[0]);

    /// <summary>The link's path and query, asked of the app on loopback (the public origin is the city's).</summary>
    private static string Local(string link) => link[PublicBaseUrl.Length..];

    private sealed class StaticOptions(EmailOptions value) : Microsoft.Extensions.Options.IOptionsMonitor<EmailOptions>
    {
        public EmailOptions CurrentValue => value;

        public EmailOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<EmailOptions, string?> listener) => null;
    }
}
