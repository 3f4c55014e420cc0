using System.Globalization;
using System.Text;
using ChannelBot.Web.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>
/// One inbound MMS photo held at the fake Twilio: fetched with Basic auth, deleted at
/// <c>…/Media/ME….json</c> with an answer the test chooses, and the deletes Twilio saw.
/// </summary>
public sealed class TwilioMedia
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF pothole photo"u8.ToArray(), 0xFF, 0xD9];
    private static readonly string Basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(FakeTwilio.AccountSid + ":" + FakeTwilio.AuthToken));

    private readonly FakeTwilio _twilio;
    private readonly string _path;

    /// <param name="mediaSid">ME followed by 32 hex digits.</param>
    public TwilioMedia(FakeTwilio twilio, string mediaSid)
    {
        _twilio = twilio;
        _path = $"/2010-04-01/Accounts/{FakeTwilio.AccountSid}/Messages/MM0123456789abcdef0123456789abcdef/Media/{mediaSid}";
        twilio.Server.Given(Request.Create().WithPath(_path).UsingGet().WithHeader("Authorization", Basic))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(Jpeg));
    }

    public string Url => _twilio.Server.Url + _path;

    /// <summary>Every delete gets a 500 (until <see cref="AcceptDeletes"/>).</summary>
    public void FailDeletes() => Delete(priority: 20, status: 500);

    /// <summary>Deletes get 204 from now on (ahead of <see cref="FailDeletes"/>).</summary>
    public void AcceptDeletes() => Delete(priority: 10, status: 204);

    /// <summary>The status Twilio answered to each delete of this media so far, in order.</summary>
    public IReadOnlyList<int> Deletes =>
    [
        .. _twilio.Server.LogEntries
            .Where(e => e.RequestMessage.Method == "DELETE" && e.RequestMessage.Path == _path + ".json")
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => Convert.ToInt32(e.ResponseMessage.StatusCode, CultureInfo.InvariantCulture)),
    ];

    /// <summary>Waits until Twilio has seen <paramref name="count"/> deletes of this media; returns their answers.</summary>
    public async Task<IReadOnlyList<int>> WaitForDeletesAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var deletes = Deletes;
            if (deletes.Count >= count)
            {
                return deletes;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Twilio saw {deletes.Count} of {count} deletes of the media.");
            await Task.Delay(25);
        }
    }

    /// <summary>Texts a pothole report with this photo from <paramref name="phone"/>; returns the ticket.</summary>
    public async Task<string> ReportAsync(SmsPhone phone)
    {
        foreach (var text in new[] { "there is a big pothole", "123 Main St", "2", "5", "deep hole" })
        {
            await phone.TextAsync(text);
        }

        await phone.SendPhotoAsync(string.Empty, Url, "image/jpeg");
        var answer = string.Empty;
        foreach (var text in new[] { "skip", "yes", "1" })
        {
            answer = await phone.TextAsync(text);
        }

        var ticket = System.Text.RegularExpressions.Regex.Match(answer, @"311-\d{4}-\d{6}");
        Assert.True(ticket.Success, $"No ticket in the last answer: {answer}");
        return ticket.Value;
    }

    private void Delete(int priority, int status) =>
        _twilio.Server.Given(Request.Create().WithPath(_path + ".json").UsingDelete().WithHeader("Authorization", Basic))
            .AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(status));
}
