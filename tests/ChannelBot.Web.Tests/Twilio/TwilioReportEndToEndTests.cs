using System.Text;
using System.Text.RegularExpressions;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit.Abstractions;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>
/// Whole reports through the Twilio webhook, the way residents send them: a pothole by SMS with an MMS photo (the
/// photo fetched from Twilio with Basic auth, kept in the city's photo store, shown on the case, then deleted at
/// Twilio, a failed delete tried again), a WhatsApp report whose location pin is the case's location, and a
/// report texted in Spanish, answered in Spanish throughout.
/// </summary>
public sealed partial class TwilioReportEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private const string MessageSid = "MM0123456789abcdef0123456789abcdef";
    private const string MediaSid = "ME0123456789abcdef0123456789abcdef";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF pothole photo"u8.ToArray(), 0xFF, 0xD9];

    private readonly DirectoryInfo _photos = Directory.CreateTempSubdirectory("channelbot-photos-");

    [Fact]
    public async Task A_pothole_texted_with_an_mms_photo_ends_with_the_photo_on_the_case_and_deleted_at_twilio()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        var media = $"/2010-04-01/Accounts/{FakeTwilio.AccountSid}/Messages/{MessageSid}/Media/{MediaSid}";
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(FakeTwilio.AccountSid + ":" + FakeTwilio.AuthToken));
        twilio.Server.Given(Request.Create().WithPath(media).UsingGet().WithHeader("Authorization", basic))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(Jpeg));
        twilio.Server.Given(Request.Create().WithPath(media).UsingGet())
            .AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(401).WithBodyAsJson(new { code = 20003, message = "Authenticate", status = 401 }));
        // The first delete fails (Twilio has a bad moment); the next sweep's succeeds.
        twilio.Server.Given(Request.Create().WithPath(media + ".json").UsingDelete().WithHeader("Authorization", basic))
            .InScenario("delete").WillSetStateTo("failed once")
            .RespondWith(Response.Create().WithStatusCode(500).WithBodyAsJson(new { code = 20500, message = "Internal Server Error", status = 500 }));
        twilio.Server.Given(Request.Create().WithPath(media + ".json").UsingDelete().WithHeader("Authorization", basic))
            .InScenario("delete").WhenStateIs("failed once")
            .RespondWith(Response.Create().WithStatusCode(204));
        await using var app = Start(storage, twilio);
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550301");

        foreach (var text in new[] { "there is a big pothole", "123 Main St", "2", "5", "deep hole" })
        {
            await TextAsync(phone, text);
        }

        var afterPhoto = await phone.SendPhotoAsync(string.Empty, twilio.Server.Url + media, "image/jpeg");
        output.WriteLine("> (photo)\n" + afterPhoto);
        var ticket = await FinishAsync(phone, ["skip", "yes", "1"]);

        var photo = await WaitForAsync(http, ticket, d => d.Photos.SingleOrDefault() is { Status: not "pending" } p ? p : null);
        Assert.True(photo.Status == "stored", $"The photo was not stored: {photo}");
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal(Jpeg.Length, photo.SizeBytes);
        Assert.Equal(Jpeg, await StaffApi.GetBytesAsync(http, photo.Url!));

        var deletes = await WaitForDeletesAsync(twilio, media + ".json", 2);
        Assert.All(deletes, d => Assert.Equal(basic, d.RequestMessage.Headers!["Authorization"].Single()));
        Assert.Equal([500, 204], deletes.Select(d => Convert.ToInt32(d.ResponseMessage.StatusCode, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(
            deletes.Min(d => d.RequestMessage.DateTime) > twilio.Server.LogEntries.Where(e => e.RequestMessage.Path == media && e.RequestMessage.Method == "GET").Max(e => e.RequestMessage.DateTime),
            "The media was deleted at Twilio before it was copied.");
    }

    [Fact]
    public async Task A_whatsapp_location_pin_becomes_the_case_location()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = Start(storage, twilio);
        using var http = app.CreateHttpClient();
        var phone = new WhatsAppPhone(http, twilio, "+15555550302");

        output.WriteLine(await phone.WriteAsync("there is a big pothole"));
        var next = await phone.ShareLocationAsync(39.7990175, -89.6439575, "300 S 2nd St, Springfield, IL 62701", "Springfield City Hall");
        output.WriteLine("> (pin)\n" + next);
        Assert.StartsWith("Where in the road is it?", next, StringComparison.Ordinal);
        var answer = string.Empty;
        foreach (var text in new[] { "2", "5", "deep hole", "no", "no photo", "skip", "yes", "1" })
        {
            answer = await phone.WriteAsync(text);
            output.WriteLine("> " + text + "\n" + answer);
        }

        var ticket = TicketIn(answer);
        var detail = await StaffApi.GetCaseAsync(http, ticket);
        Assert.Equal("whatsapp", detail.Case.ChannelId);
        Assert.Equal(39.7990175, detail.Case.Latitude!.Value, 6);
        Assert.Equal(-89.6439575, detail.Case.Longitude!.Value, 6);
        Assert.Contains("300 S 2nd St", detail.Case.Address, StringComparison.Ordinal);

        // Staff see the pin where the resident shared it in the case's conversation.
        var conversation = await StaffApi.GetConversationAsync(http, ticket);
        var pinned = Assert.Single(conversation.Messages, m => m.Location is not null);
        Assert.Equal("resident", pinned.Direction);
        Assert.Equal("there is a big pothole", conversation.Messages[conversation.Messages.ToList().IndexOf(pinned) - 2].Text);
        Assert.Equal(39.7990175, pinned.Location!.Latitude, 6);
        Assert.Equal(-89.6439575, pinned.Location.Longitude, 6);
        Assert.Equal("Springfield City Hall", pinned.Location.Name);
    }

    [Fact]
    public async Task A_report_texted_in_spanish_is_answered_in_spanish_and_filed_in_spanish()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = Start(storage, twilio);
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550303");

        var first = await TextAsync(phone, "hay un bache enorme en mi calle");
        Assert.Contains("Reporte de Bache", first, StringComparison.Ordinal);
        foreach (var text in new[] { "Calle Principal 123", "2" })
        {
            await TextAsync(phone, text);
        }

        // By SMS the optional questions not worth a message (the hazards, the name) are left out, and the first
        // message is the description: what remains is the photo, the updates and the confirmation.
        var ticket = await FinishAsync(phone, ["omitir", "sí", "1"]);

        var received = twilio.ReceivedBy(phone.Number);
        Assert.All(received.Skip(1), t => Assert.DoesNotMatch(@"\b(Reply|Where|What|Thank|Please|report)\b", t));
        var detail = await StaffApi.GetCaseAsync(http, ticket);
        Assert.Equal("es", detail.Case.Language);
        Assert.Equal("sms", detail.Case.ChannelId);
        Assert.Equal("Calle Principal 123", detail.Case.Address);
        Assert.Contains("hay un bache enorme en mi calle", detail.Description, StringComparison.Ordinal);
    }

    public void Dispose() => _photos.Delete(recursive: true);

    private ChannelBotApp Start(TestStorage storage, FakeTwilio twilio)
    {
        var settings = twilio.Settings.WithOperator();
        settings["Photos:Path"] = _photos.FullName;
        settings.WithLoopbackMedia();
        settings["Photos:SweepInterval"] = "00:00:00.200";
        return ChannelBotApp.Start(storage, settings);
    }

    private async Task<string> TextAsync(SmsPhone phone, string text)
    {
        var answer = await phone.TextAsync(text);
        output.WriteLine("> " + text + "\n" + answer);
        return answer;
    }

    private async Task<string> FinishAsync(SmsPhone phone, string[] texts)
    {
        var answer = string.Empty;
        foreach (var text in texts)
        {
            answer = await TextAsync(phone, text);
        }

        return TicketIn(answer);
    }

    private static string TicketIn(string answer)
    {
        var ticket = Ticket().Match(answer);
        Assert.True(ticket.Success, $"No ticket in the last answer: {answer}");
        return ticket.Value;
    }

    private static async Task<T> WaitForAsync<T>(HttpClient http, string ticket, Func<CaseDetailDto, T?> found)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var detail = await StaffApi.GetCaseAsync(http, ticket);
            if (found(detail) is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Case {ticket} did not get there: {detail}");
            await Task.Delay(25);
        }
    }

    private static async Task<List<WireMock.Logging.ILogEntry>> WaitForDeletesAsync(FakeTwilio twilio, string path, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var deletes = twilio.Server.LogEntries.Where(e => e.RequestMessage.Method == "DELETE" && e.RequestMessage.Path == path).OrderBy(e => e.RequestMessage.DateTime).ToList();
            if (deletes.Count >= count)
            {
                return deletes;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Twilio saw {deletes.Count} of {count} deletes of the media.");
            await Task.Delay(25);
        }
    }



    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
