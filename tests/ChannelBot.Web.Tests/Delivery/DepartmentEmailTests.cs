using System.Text.RegularExpressions;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Open311;
using ChannelBot.Web.Tests.Support;
using ChannelBot.Web.Tests.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChannelBot.Web.Tests.Delivery;

/// <summary>
/// Issue 15, email (the whole app on Kestrel, real SQLite or PostgreSQL, a real SMTP server on loopback, the pinned
/// clock): a department that opted in gets each new case once, at the catalog's address, as an email a crew can act on —
/// the summary, the resident's words encoded, a map link, the photo attached — with a Message-ID made from the case's
/// key that a retried send repeats; the delivery is on the case for staff; a department that did not opt in gets
/// nothing; a city that turns it on without a mail server, or for a department without an address, does not start.
/// </summary>
public sealed partial class DepartmentEmailTests : IDisposable
{
    private const string Streets = "DPW-STREETS";
    private const string StreetsMailbox = "streets@springfield.example";
    private const string MessageSid = "MM00000000000000000000000000000015";
    private const string MediaSid = "ME00000000000000000000000000000015";
    private const string Description = "there is a big pothole <script>alert('crew')</script> & <b>wide</b>";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF pothole photo for the crew"u8.ToArray(), 0xFF, 0xD9];

    private readonly DirectoryInfo _photos = Directory.CreateTempSubdirectory("channelbot-photos-");

    public void Dispose() => _photos.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_pothole_texted_with_a_photo_reaches_the_streets_mailbox_once_with_the_summary_a_map_link_and_the_photo(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var smtp = TestSmtpServer.Start();
        using var twilio = new FakeTwilio();
        var media = $"/2010-04-01/Accounts/{FakeTwilio.AccountSid}/Messages/{MessageSid}/Media/{MediaSid}";
        twilio.Server.Given(Request.Create().WithPath(media).UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(Jpeg));
        twilio.Server.Given(Request.Create().WithPath(media + ".json").UsingDelete()).RespondWith(Response.Create().WithStatusCode(204));
        await using var app = ChannelBotApp.Start(storage, SmsSettings(twilio, smtp));
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550415");

        // By SMS the first message is the description: the resident's own words, markup and all.
        await phone.TextAsync(Description);
        await phone.TextAsync("its in front of 1250 north main street");
        foreach (var answer in new[] { "yes", "2", "5", "deep hole" })
        {
            await phone.TextAsync(answer);
        }

        await phone.SendPhotoAsync(string.Empty, twilio.Server.Url + media, "image/jpeg");
        var last = string.Empty;
        foreach (var answer in new[] { "skip", "yes", "1" })
        {
            last = await phone.TextAsync(answer);
        }

        var ticket = Ticket().Match(last).Value;
        Assert.False(string.IsNullOrEmpty(ticket), last);
        var detail = await DeliveredAsync(http, ticket);
        Assert.Equal(Streets, detail.Case.Department);
        var mail = Assert.Single(smtp.Accepted);
        Assert.Equal(StreetsMailbox, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("311@springfield.example.gov", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal($"New case {ticket}: Pothole at 1250 N Main St", mail.Subject);

        // The key, the Message-ID made from it (the same on every try), and the id staff see for the delivery.
        var key = mail.Headers["X-ChannelBot-Idempotency-Key"]!;
        Assert.Matches("^case\\.filed:[0-9a-f]{32}$", key);
        Assert.Equal(key.Replace(':', '.') + "@springfield.example.gov", mail.MessageId);
        var delivery = Assert.Single(detail.Messages, m => m.ChannelId == "department-email");
        Assert.Equal(mail.MessageId, delivery.ProviderId);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal($"Case emailed to Public Works – Streets <{StreetsMailbox}>", delivery.Text);
        Assert.NotNull(delivery.SentAt);

        var text = mail.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains($"Ticket: {ticket}\n", text, StringComparison.Ordinal);
        Assert.Contains("Service: Pothole (PTHOLE)\n", text, StringComparison.Ordinal);
        Assert.Contains("Place: 1250 N Main St\n", text, StringComparison.Ordinal);
        Assert.Contains("Map: https://www.openstreetmap.org/?mlat=42.1135", text, StringComparison.Ordinal);
        Assert.Contains("Channel: sms\n", text, StringComparison.Ordinal);
        Assert.Contains("Filed: 2026-06-17 ", text, StringComparison.Ordinal);
        Assert.Contains(Description, text, StringComparison.Ordinal);
        Assert.Contains($"https://311.springfield.example.gov/staff#case={ticket}", text, StringComparison.Ordinal);
        Assert.Contains("Photos: 1 attached", text, StringComparison.Ordinal);

        // The resident's words are text in the HTML part, never markup.
        var html = mail.HtmlBody!;
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>wide", html, StringComparison.Ordinal);
        Assert.Contains("there is a big pothole &lt;script&gt;alert(&#x27;crew&#x27;)&lt;/script&gt; &amp; &lt;b&gt;wide&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.openstreetmap.org/?mlat=42.1135", html, StringComparison.Ordinal);

        var photo = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal("image/jpeg", photo.ContentType.MimeType);
        Assert.Equal($"{ticket}-photo-1.jpg", photo.FileName);
        using (var bytes = new MemoryStream())
        {
            await photo.Content!.DecodeToAsync(bytes);
            Assert.Equal(Jpeg, bytes.ToArray());
        }

        // A department's mailbox is not a resident: no unsubscribe, and nothing about the resident.
        Assert.Null(mail.Headers[HeaderId.ListUnsubscribe]);
        Assert.DoesNotContain("unsubscribe", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("5555550415", text + html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_server_that_asks_to_try_later_gets_the_case_again_with_the_same_message_id_until_it_takes_it_once()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var smtp = TestSmtpServer.Start(failFirst: 2, failingRecipient: StreetsMailbox);
        await using var app = ChannelBotApp.Start(storage, Open311Settings(smtp, Streets));
        using var http = app.CreateHttpClient();

        var ticket = await new Open311Client(http, Open311ServerTests.Key).FilePotholeAsync(more: [new("email", "ana@example.org"), new("phone", "+15555550111"), new("first_name", "Ana")]);

        var detail = await DeliveredAsync(http, ticket);
        var delivery = Assert.Single(detail.Messages, m => m.ChannelId == "department-email");
        Assert.Equal("sent", delivery.Status);
        Assert.Equal(3, delivery.Attempts);
        var toStreets = smtp.Received.Where(r => r.Message.To.Mailboxes.Any(m => m.Address == StreetsMailbox)).ToList();
        Assert.Equal([false, false, true], toStreets.Select(r => r.Accepted));
        Assert.Single(toStreets.Select(r => r.Message.MessageId).Distinct());
        Assert.Single(toStreets.Select(r => r.Message.Headers["X-ChannelBot-Idempotency-Key"]).Distinct());
        Assert.Equal(toStreets[^1].Message.MessageId, delivery.ProviderId);
        Assert.Contains("Map: https://www.openstreetmap.org/?mlat=42.113504&mlon=-72.589855", toStreets[^1].Message.TextBody, StringComparison.Ordinal);

        // The resident's own receipt went as before, with its unsubscribe link; the crew's copy says nothing about them.
        var receipt = Assert.Single(smtp.Accepted, m => m.To.Mailboxes.Any(a => a.Address == "ana@example.org"));
        Assert.NotNull(receipt.Headers[HeaderId.ListUnsubscribe]);
        var crew = toStreets[^1].Message.TextBody + toStreets[^1].Message.HtmlBody;
        Assert.DoesNotContain("ana@example.org", crew, StringComparison.Ordinal);
        Assert.DoesNotContain("5555550111", crew, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", crew, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_that_did_not_opt_in_gets_no_email_while_one_that_did_gets_its_case_whatever_the_residents_opt_out_list_says()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var smtp = TestSmtpServer.Start();
        await using var app = ChannelBotApp.Start(storage, Open311Settings(smtp, "DPW-GRAFFITI"));
        using var http = app.CreateHttpClient();
        var client = new Open311Client(http, Open311ServerTests.Key);

        // The department's address on the residents' opt-out list (someone clicked an unsubscribe link it was sent):
        // that list is for residents, and does not stop a department's cases.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>().CreateDbContextAsync())
        {
            db.ChannelOptOuts.Add(new ChannelOptOutRecord { ChannelId = "email", Address = "graffiti@springfield.example", OptedOut = true, OptedOutAt = PinnedClock.Default, Source = "email:unsubscribe" });
            await db.SaveChangesAsync();
        }

        var pothole = await client.FilePotholeAsync();
        var (status, filed) = await client.PostAsync("/requests.json",
            [new("service_code", "GRAFFITI"), new("lat", "42.1085"), new("long", "-72.5928"), new("attribute[SURFACE]", "wall")]);
        Assert.Equal(200, status);
        var graffiti = filed[0].GetProperty("service_request_id").GetString()!;

        await DeliveredAsync(http, graffiti);
        Assert.Equal("graffiti@springfield.example", Assert.Single(Assert.Single(smtp.Accepted).To.Mailboxes).Address);
        Assert.DoesNotContain((await StaffApi.GetCaseAsync(http, pothole)).Messages, m => m.ChannelId == "department-email");
    }

    [Fact]
    public async Task Department_email_turned_on_without_a_mail_server_stops_the_start_and_says_what_to_set()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);

        var failure = Assert.ThrowsAny<Exception>(() => ChannelBotApp.Start(storage, new Dictionary<string, string?> { [$"Departments:Email:{Streets}:Enabled"] = "true" }));

        Assert.Contains($"Departments:Email:{Streets}:Enabled is true but no mail server is configured: set Email:Host", failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POLICE-NONEMERGENCY", "department POLICE-NONEMERGENCY has no valid email in dialogs/catalog.yaml")]
    [InlineData("NO-SUCH-DEPARTMENT", "Departments:Email:NO-SUCH-DEPARTMENT names a department that dialogs/catalog.yaml does not list")]
    public async Task Department_email_for_a_department_without_an_address_stops_the_start(string department, string reason)
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var smtp = TestSmtpServer.Start();
        var settings = smtp.Settings();
        settings[$"Departments:Email:{department}:Enabled"] = "true";

        var failure = Assert.ThrowsAny<Exception>(() => ChannelBotApp.Start(storage, settings));

        Assert.Contains(reason, failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<CaseDetailDto> DeliveredAsync(HttpClient http, string ticket)
    {
        CaseDetailDto? detail = null;
        await Eventually.HoldsAsync(async () =>
        {
            detail = await StaffApi.GetCaseAsync(http, ticket);
            return detail.Messages.Any(m => m.ChannelId == "department-email" && m.Status == "sent");
        });
        return detail!;
    }

    private Dictionary<string, string?> SmsSettings(FakeTwilio twilio, TestSmtpServer smtp)
    {
        var settings = twilio.Settings.WithOperator();
        foreach (var (key, value) in smtp.Settings())
        {
            settings[key] = value;
        }

        settings["Geo:Enabled"] = "true";
        settings["Geo:Folder"] = RepositoryDialogs.SampleCity;
        settings["Photos:Path"] = _photos.FullName;
        settings["Photos:SweepInterval"] = "00:00:00.200";
        settings.WithLoopbackMedia();
        settings[$"Departments:Email:{Streets}:Enabled"] = "true";
        return settings;
    }

    private static Dictionary<string, string?> Open311Settings(TestSmtpServer smtp, string department)
    {
        var settings = Open311ServerTests.Settings();
        foreach (var (key, value) in smtp.Settings())
        {
            settings[key] = value;
        }

        settings[$"Departments:Email:{department}:Enabled"] = "true";
        settings["Outbox:FirstRetryDelay"] = "00:00:00.050";
        settings["Outbox:MaxRetryDelay"] = "00:00:00.500";
        settings["Outbox:MaxAttempts"] = "10";
        return settings;
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
