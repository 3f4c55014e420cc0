using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Web.Tests.DirectLine;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Email;

/// <summary>
/// Issue 17, end to end (the whole app on Kestrel, real SQLite or PostgreSQL, the Development sandbox's mailbox as the
/// mail server, the pinned clock): a web chat reporter who gave an email gets one receipt when the case is filed, in
/// the report's language; nobody else does; every email's unsubscribe link works and the opt-out holds for what comes
/// next, where staff can see why nothing was sent.
/// </summary>
public sealed partial class EmailReceiptTests
{
    private const string Ana = "ana@example.org";

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_web_reporter_who_gave_an_email_gets_one_receipt_with_the_ticket_the_service_and_the_place(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var app = ChannelBotApp.Start(storage, Settings(), environment: "Development");
        using var http = app.CreateHttpClient();

        var ticket = await ReportAsync(http, "en-US", EnglishPothole, "Email", Ana);

        var mail = Assert.Single(await MailAsync(http, Ana, count: 1));
        Assert.Equal($"City of Springfield 311: we received your Pothole report {ticket}", mail.GetProperty("subject").GetString());
        var body = mail.GetProperty("body").GetString()!;
        Assert.Contains($"Report number: {ticket}\n", body, StringComparison.Ordinal);
        Assert.Contains("Problem: Pothole\n", body, StringComparison.Ordinal);
        Assert.Contains("Place: 123 Main St", body, StringComparison.Ordinal);
        Assert.Contains("What happens next:", body, StringComparison.Ordinal);
        Assert.Contains($"send STATUS {ticket} in the 311 chat", body, StringComparison.Ordinal);

        // One row for it, linked to the case and sent: it was written with the case, in the transaction that filed it.
        await Eventually.HoldsAsync(async () => (await EmailRowsAsync(app.Services)).All(r => r.Status == OutboxStatus.Sent));
        var row = Assert.Single(await EmailRowsAsync(app.Services));
        var filed = Assert.Single(await CaseRows.AllAsync(app.Services));
        Assert.Equal(filed.Id, row.CaseId);
        Assert.Equal(ticket, filed.Ticket.ToString());
    }

    [Fact]
    public async Task A_Spanish_web_reporter_gets_the_receipt_in_Spanish()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings(), environment: "Development");
        using var http = app.CreateHttpClient();

        var ticket = await ReportAsync(http, "es-US", SpanishPothole, "Correo electrónico", "maria@example.com");

        var mail = Assert.Single(await MailAsync(http, "maria@example.com", count: 1));
        Assert.Equal($"311 de Ciudad de Springfield: recibimos su reporte de Bache {ticket}", mail.GetProperty("subject").GetString());
        var body = mail.GetProperty("body").GetString()!;
        Assert.Contains($"Número de reporte: {ticket}\n", body, StringComparison.Ordinal);
        Assert.Contains("Problema: Bache\n", body, StringComparison.Ordinal);
        Assert.Contains("Lugar: ", body, StringComparison.Ordinal);
        Assert.Contains($"envíe ESTADO {ticket}", body, StringComparison.Ordinal);
        Assert.Contains("Para no recibir más correos nuestros, abra este enlace:", body, StringComparison.Ordinal);
        Assert.EndsWith("&lang=es>", mail.GetProperty("listUnsubscribe").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_filed_through_Open311_with_an_email_gets_its_receipt_too()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Open311.Open311ServerTests.Settings(), environment: "Development");
        using var http = app.CreateHttpClient();

        var (status, filed) = await new Open311.Open311Client(http, Open311.Open311ServerTests.Key).PostAsync("/requests.json",
            [new("service_code", "PTHOLE"), new("address_string", "1250 N Main St, Springfield"), new("attribute[WHERE_IN_ROAD]", "curb"), new("email", "pat@example.com")]);

        Assert.Equal(200, status);
        var ticket = filed[0].GetProperty("service_request_id").GetString();
        var mail = Assert.Single(await MailAsync(http, "pat@example.com", count: 1));
        Assert.Equal($"City of Springfield 311: we received your Pothole report {ticket}", mail.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task A_reporter_who_wanted_no_updates_gets_no_receipt()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings(), environment: "Development");
        using var http = app.CreateHttpClient();

        await ReportAsync(http, "en-US", EnglishPothole, "no");

        var filed = Assert.Single(await CaseRows.AllAsync(app.Services));
        Assert.False(filed.ConsentToUpdates);
        Assert.Empty(await EmailRowsAsync(app.Services));
        Assert.Empty(await MailAsync(http, Ana, count: 0));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task The_link_in_the_receipt_unsubscribes_and_the_next_update_is_not_emailed_and_staff_see_why(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var app = ChannelBotApp.Start(storage, Settings(), environment: "Development");
        using var http = app.CreateHttpClient();
        var ticket = await ReportAsync(http, "en-US", EnglishPothole, "Email", Ana);
        var link = UnsubscribePath(Assert.Single(await MailAsync(http, Ana, count: 1)));

        using (var page = await http.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Stop emails from 311 to a***@example.org?", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty(await OptOutsAsync(app.Services));
        using (var oneClick = await http.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        var optOut = Assert.Single(await OptOutsAsync(app.Services));
        Assert.Equal(("email", Ana, true, "email:unsubscribe"), (optOut.ChannelId, optOut.Address, optOut.OptedOut, optOut.Source));

        await StaffApi.ChangeStatusAsync(http, ticket, "fixed");

        await Eventually.HoldsAsync(async () => (await StaffApi.GetCaseAsync(http, ticket)).Messages.Any(m => m.Error?.Contains("opted out", StringComparison.Ordinal) == true));
        var refused = (await StaffApi.GetCaseAsync(http, ticket)).Messages.Last();
        Assert.Equal("failed", refused.Status);
        Assert.Equal("cannot notify: email: the resident opted out", refused.Error);
        Assert.Single(await MailAsync(http, Ana, count: 1));
    }

    [Fact]
    public async Task A_later_receipt_to_an_address_that_unsubscribed_is_refused_when_it_would_go_and_staff_see_why()
    {
        // The receipt is written whatever the address's state; the sender's opt-out check (OptOutGate) stops it. Without
        // that check this test fails: the second receipt would reach the mailbox.
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings(), environment: "Development");
        using var http = app.CreateHttpClient();
        await ReportAsync(http, "en-US", EnglishPothole, "Email", Ana);
        using (var oneClick = await http.PostAsync(UnsubscribePath(Assert.Single(await MailAsync(http, Ana, count: 1))), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        var second = await ReportAsync(http, "en-US", EnglishPothole, "Email", Ana, following: false);

        await Eventually.HoldsAsync(async () => (await StaffApi.GetCaseAsync(http, second)).Messages.Any(m => m.ChannelId == "email" && m.Status == "failed"));
        var receipt = Assert.Single((await StaffApi.GetCaseAsync(http, second)).Messages, m => m.ChannelId == "email");
        Assert.Equal("the address has opted out of email messages; not sent", receipt.Error);
        Assert.Single(await MailAsync(http, Ana, count: 1));
    }

    [Fact]
    public async Task Closing_the_case_emails_the_closing_message_with_its_unsubscribe_link()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings(), environment: "Development");
        using var http = app.CreateHttpClient();
        var ticket = await ReportAsync(http, "en-US", EnglishPothole, "Email", Ana);

        await StaffApi.ChangeStatusAsync(http, ticket, "fixed");

        var mails = await MailAsync(http, Ana, count: 2);
        var closing = mails[1];
        Assert.Equal($"City of Springfield 311: your Pothole report {ticket} is fixed", closing.GetProperty("subject").GetString());
        Assert.StartsWith($"Update on your Pothole report {ticket}: the city marked it fixed. Thank you for reporting it!", closing.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("/email/unsubscribe?token=", closing.GetProperty("listUnsubscribe").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_link_is_a_400_page_and_opts_nobody_out()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings(), environment: "Development");
        using var http = app.CreateHttpClient();
        await ReportAsync(http, "en-US", EnglishPothole, "Email", Ana);
        var link = UnsubscribePath(Assert.Single(await MailAsync(http, Ana, count: 1)));
        var at = link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length;
        var tampered = link[..at] + (link[at] == 'Y' ? 'Z' : 'Y') + link[(at + 1)..];   // another address, the same signature

        using var page = await http.GetAsync(tampered);
        using var post = await http.PostAsync(tampered, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("This unsubscribe link is not valid", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await OptOutsAsync(app.Services));
    }

    private static readonly string[] EnglishPothole =
        ["there's a huge pothole in the road", "123 Main St", "next to the curb", "skip", "It is deep enough to damage a tire.", "no", "no photo", "skip"];

    private static readonly string[] SpanishPothole =
        ["hay un bache enorme en la calle Reforma", "todas", "es muy profundo", "no", "omitir", "omitir"];

    private static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["DirectLine:TokenSigningKey"] = "dGVzdC1zaWduaW5nLWtleS1mb3ItZGlyZWN0LWxpbmUtdG9rZW5zLTAxMjM0NTY3",
            ["Notifications:QuietHoursStart"] = "00:00",
            ["Notifications:QuietHoursEnd"] = "00:00",
        };
        return settings.WithOperator();
    }

    /// <summary>A web chat pothole report: the answers up to the name, then the updates answers, then "yes" to the summary; returns the ticket.</summary>
    private static async Task<string> ReportAsync(HttpClient http, string locale, string[] intake, params string[] updates) =>
        await ReportAsync(http, locale, intake, updates[0], updates.Length > 1 ? updates[1] : null, following: null);

    private static async Task<string> ReportAsync(HttpClient http, string locale, string[] intake, string channel, string? contact, bool? following)
    {
        await using var resident = await DirectLineResident.OpenAsync(http);
        resident.Locale = locale;
        await resident.NextFromBotAsync();
        foreach (var answer in intake)
        {
            var reply = await resident.SayAsync(answer);
            if (following == false && reply.Text?.Contains("Is it this one?", StringComparison.Ordinal) == true)
            {
                // The first report is open nearby: this is a new one all the same.
                await resident.SayAsync("File a new report");
            }
        }

        await resident.SayAsync(channel);
        if (contact is not null)
        {
            await resident.SayAsync(contact);
        }

        var receipt = await resident.SayAsync(locale.StartsWith("es", StringComparison.Ordinal) ? "enviar" : "yes");
        var ticket = Ticket().Match(receipt.Text ?? string.Empty).Value;
        Assert.False(string.IsNullOrEmpty(ticket), resident.Transcript);
        return ticket;
    }

    /// <summary>The mailbox of <paramref name="to"/> once it holds <paramref name="count"/> messages (and no more then), oldest first.</summary>
    private static async Task<List<JsonElement>> MailAsync(HttpClient http, string to, int count)
    {
        List<JsonElement> messages = [];
        await Eventually.HoldsAsync(async () =>
        {
            messages = [.. (await http.GetFromJsonAsync<JsonElement>($"/sandbox/email/messages?to={Uri.EscapeDataString(to)}")).EnumerateArray()];
            return messages.Count >= count;
        });
        Assert.Equal(count, messages.Count);
        return messages;
    }

    /// <summary>The path and query of the message's <c>List-Unsubscribe</c> link (its origin is the app's own in the sandbox).</summary>
    private static string UnsubscribePath(JsonElement mail)
    {
        var header = mail.GetProperty("listUnsubscribe").GetString()!;
        Assert.Contains(header[1..^1], mail.GetProperty("body").GetString(), StringComparison.Ordinal);
        return new Uri(header[1..^1]).PathAndQuery;
    }

    private static async Task<List<OutboxMessageRecord>> EmailRowsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().Where(o => o.ChannelId == "email").ToListAsync();
    }

    private static async Task<List<ChannelOptOutRecord>> OptOutsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>().CreateDbContextAsync();
        return await db.ChannelOptOuts.AsNoTracking().ToListAsync();
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
