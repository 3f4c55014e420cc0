using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChannelBot.Channels.Twilio;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;
using ChannelBot.Web.Tests.Twilio;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>
/// <c>GET /api/cases/{ticket}/conversation</c>: a resident texts two reports from one phone, the second with an MMS
/// photo; staff move the second to in progress, Twilio reports the update delivered and the resident replies. Each
/// case's conversation is its own stretch of the phone's conversation, in order, the photo linked to the case's copy,
/// no phone number or provider link in it; a very long conversation gives only its latest messages.
/// </summary>
public sealed class CaseConversationTests : IDisposable
{
    private const string Reply = "Thank you! <b>When</b> will it be done?";

    private readonly DirectoryInfo _photos = Directory.CreateTempSubdirectory("channelbot-conversation-photos-");

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_texted_report_with_its_photo_its_update_and_the_residents_reply_are_the_case_conversation_in_order(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var twilio = new FakeTwilio();
        var media = new TwilioMedia(twilio, "ME0123456789abcdef0123456789abcd17");
        media.AcceptDeletes();
        await using var app = Start(storage, twilio);
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550417");

        var earlier = await SmsScript.ReportPotholeAsync(phone);
        var ticket = await media.ReportAsync(phone);
        var before = twilio.ReceivedBy(phone.Number).Count;
        await StaffApi.ChangeStatusAsync(http, ticket, "in_progress");
        var update = await phone.WaitForTextAsync(before + 1);
        await ReportDeliveredAsync(http, twilio, phone, ticket, update, before);
        var answer = await phone.TextAsync(Reply);

        var (conversation, json) = await WaitForAsync(http, ticket, c =>
            c.Messages.Any(m => m.Attachments.Any(a => a.PhotoUrl is not null)) && c.Messages.Any(m => m.Direction == "update" && m.Delivery == "delivered")
            && c.Messages[^1].Text == answer);

        var messages = conversation.Messages.ToList();
        Assert.False(conversation.Truncated);
        Assert.Null(conversation.Note);
        Assert.Equal(ticket, conversation.Ticket);
        string?[] said = ["there is a big pothole", "123 Main St", "2", "5", "deep hole", null, "skip", "yes", "1", Reply];
        Assert.Equal(said, messages.Where(m => m.Direction == "resident").Select(m => string.IsNullOrEmpty(m.Text) ? null : m.Text));
        Assert.All(messages, m => Assert.Equal("sms", m.ChannelId));

        // Each thing the resident said is answered before the next, and the update comes between the receipt and the reply.
        var texts = messages.Select(m => (m.Direction, m.Text)).ToList();
        var received = twilio.ReceivedBy(phone.Number);
        var repliesToThisReport = received.Skip(SmsScript.Texts.Length).ToList();
        Assert.Equal(repliesToThisReport, messages.Where(m => m.Direction != "resident").Select(m => m.Text));
        for (var i = 0; i < messages.Count - 1; i++)
        {
            Assert.True(messages[i].At <= messages[i + 1].At, $"Message {i} ({messages[i].Text}) is later than the one after it.");
            if (messages[i].Direction == "resident")
            {
                Assert.Equal("bot", messages[i + 1].Direction);
            }
        }

        var receipt = messages.Single(m => m.Text?.Contains(ticket, StringComparison.Ordinal) == true && m.Direction == "bot");
        var updated = Assert.Single(messages, m => m.Direction == "update");
        Assert.Equal(update, updated.Text);
        Assert.Equal("sent", updated.Status);
        Assert.Equal("delivered", updated.Delivery);
        Assert.NotNull(updated.SentAt);
        Assert.Equal(messages.IndexOf(receipt) + 1, messages.IndexOf(updated));
        Assert.Equal(messages.IndexOf(updated) + 1, texts.IndexOf(("resident", Reply)));
        Assert.All(messages.Where(m => m.Direction != "resident"), m => Assert.Equal("sent", m.Status));

        // The photo, where the resident sent it, as the case's own copy.
        var photoMessage = Assert.Single(messages, m => m.Attachments.Count > 0);
        Assert.Equal("deep hole", messages[messages.IndexOf(photoMessage) - 2].Text);
        var photo = Assert.Single(photoMessage.Attachments);
        Assert.Equal(1, photo.PhotoNumber);
        Assert.Equal("stored", photo.PhotoStatus);
        Assert.Equal($"/api/cases/{ticket}/photos/1", photo.PhotoUrl);
        Assert.Equal([0xFF, 0xD8], (await StaffApi.GetBytesAsync(http, photo.PhotoUrl!))[..2]);

        // Nothing of the earlier report, and nothing that names the resident's phone or the provider's link.
        Assert.DoesNotContain(earlier, json, StringComparison.Ordinal);
        Assert.DoesNotContain(phone.Number, json, StringComparison.Ordinal);
        Assert.DoesNotContain(phone.Number.TrimStart('+'), json, StringComparison.Ordinal);
        Assert.DoesNotContain(twilio.Server.Url!, json, StringComparison.Ordinal);
        Assert.DoesNotContain("/Media/", json, StringComparison.Ordinal);

        // The earlier case's stretch: its own report and what came after it until this one was filed, never this
        // case's receipt or update.
        var (first, firstJson) = await WaitForAsync(http, earlier, _ => true);
        Assert.Equal(SmsScript.Texts, first.Messages.Where(m => m.Direction == "resident").Take(SmsScript.Texts.Length).Select(m => m.Text));
        Assert.Contains(first.Messages, m => m.Direction == "bot" && m.Text?.Contains(earlier, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(ticket, firstJson, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Messages, m => m.Direction == "update" || m.Text == Reply);
    }

    [Fact]
    public async Task A_hostile_long_conversation_gives_only_its_latest_500_messages_and_says_so()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = Start(storage, twilio);
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550418");
        var ticket = await SmsScript.ReportPotholeAsync(phone);

        // 600 more texts after the report, stored and linked into the conversation as the inbox and the turns store
        // them (running 600 turns would only take longer).
        await using (var db = storage.Open())
        {
            var filed = await db.Cases.AsNoTracking().SingleAsync(c => c.Ticket == TicketNumber.Parse(ticket));
            var flood = new List<InboundActivityRecord>(600);
            for (var i = 0; i < 600; i++)
            {
                var at = filed.CreatedAt.AddMinutes(1 + i);
                var activity = new Activity { Type = ActivityTypes.Message, Id = $"SMflood{i:D4}", ChannelId = ChannelIds.Sms, Text = $"flood {i:D3}", Timestamp = at };
                flood.Add(new InboundActivityRecord
                {
                    ChannelId = ChannelIds.Sms,
                    ActivityId = activity.Id,
                    ConversationKey = filed.ConversationKey,
                    ActivityJson = ActivityJson.Serialize(activity),
                    ReceivedAt = at,
                    ProcessedAt = at,
                });
            }

            db.InboundActivities.AddRange(flood);
            await db.SaveChangesAsync();
            var stored = await db.Conversations.SingleAsync(c => c.Key == filed.ConversationKey);
            foreach (var row in flood)
            {
                row.PreviousId = stored.LastInboundId;
                stored.LastInboundId = row.Id;
            }

            await db.SaveChangesAsync();
        }

        var (conversation, _) = await WaitForAsync(http, ticket, _ => true);

        Assert.Equal(StaffCaseEndpoints.ConversationLimit, conversation.Limit);
        Assert.Equal(500, conversation.Messages.Count);
        Assert.True(conversation.Truncated);
        Assert.Equal("Only the latest 500 messages are shown; older ones are left out.", conversation.Note);
        Assert.Equal([.. Enumerable.Range(100, 500).Select(i => $"flood {i:D3}")], conversation.Messages.Select(m => m.Text));
    }

    public void Dispose() => _photos.Delete(recursive: true);

    private ChannelBotApp Start(TestStorage storage, FakeTwilio twilio)
    {
        var settings = twilio.Settings.WithOperator();
        settings["Photos:Path"] = _photos.FullName;
        settings["Photos:SweepInterval"] = "00:00:00.200";
        settings.WithLoopbackMedia();
        settings["Outbox:FirstRetryDelay"] = "00:00:00.050";
        settings["Outbox:MaxRetryDelay"] = "00:00:00.500";

        // No quiet hours: the update goes out at once (the pinned clock is mid-day anyway); nothing expires meanwhile.
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00";
        settings["Retention:MessageDays"] = "90";
        return ChannelBotApp.Start(storage, settings);
    }

    /// <summary>Twilio's status callback for the update: delivered (what the console shows as its delivery).</summary>
    private static async Task ReportDeliveredAsync(HttpClient http, FakeTwilio twilio, SmsPhone phone, string ticket, string update, int index)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        CaseMessageDto? sent;
        while ((sent = (await StaffApi.GetCaseAsync(http, ticket)).Messages.SingleOrDefault(m => m.Text == update && m.Status == "sent" && m.ProviderId is not null)) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The update was not recorded as sent.");
            await Task.Delay(25);
        }

        var callback = twilio.FormsSentTo(phone.Number)[index].Single(f => f.Key == "StatusCallback").Value;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", sent.ProviderId!),
            new("SmsSid", sent.ProviderId!),
            new("AccountSid", FakeTwilio.AccountSid),
            new("From", FakeTwilio.CityNumber),
            new("To", phone.Number),
            new("MessageStatus", "delivered"),
            new("SmsStatus", "delivered"),
            new("ApiVersion", "2010-04-01"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, callback[FakeTwilio.PublicBaseUrl.Length..]) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(FakeTwilio.AuthToken, callback, fields));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The case's conversation (and its JSON as sent) once <paramref name="ready"/> holds for it (bounded).</summary>
    private static async Task<(CaseConversationDto Conversation, string Json)> WaitForAsync(HttpClient http, string ticket, Func<CaseConversationDto, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{ticket}/conversation");
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", StaffApi.OperatorKey);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.Content.ReadAsStringAsync();
            var conversation = (await response.Content.ReadFromJsonAsync<CaseConversationDto>())!;
            if (ready(conversation))
            {
                return (conversation, json);
            }

            Assert.True(DateTime.UtcNow < deadline, $"The conversation of {ticket} did not get there: {json}");
            await Task.Delay(50);
        }
    }
}
