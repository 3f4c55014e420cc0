using System.Text.Json;
using ChannelBot.Channels.Departments;
using ChannelBot.Channels.Email;
using MimeKit;

namespace ChannelBot.Channels.Tests.Departments;

/// <summary>The department's email as composed from a delivery's payload: what it says, what it attaches, how a retry is recognised.</summary>
public sealed class DepartmentEmailComposerTests
{
    private const string Key = "case.filed:6f1c0e4b2a9d4c3e8f7a6b5c4d3e2f10";

    private static readonly EmailOptions Options = new() { FromAddress = "311@springfield.example.gov", FromName = "Springfield 311" };

    [Fact]
    public void The_message_id_is_made_from_the_idempotency_key_so_every_try_carries_the_same_one()
    {
        var first = Compose(Payload());
        var again = Compose(Payload());

        Assert.Equal("case.filed.6f1c0e4b2a9d4c3e8f7a6b5c4d3e2f10@springfield.example.gov", first.MessageId);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(Key, first.Headers[DepartmentEmailComposer.IdempotencyHeaderName]);
        Assert.Equal("auto-generated", first.Headers["Auto-Submitted"]);
    }

    [Fact]
    public void The_subject_names_the_ticket_the_service_and_the_place_on_one_line()
    {
        var mail = Compose(Payload(address: "120 Main St\r\nBcc: someone@example.org"));

        Assert.Equal("New case 311-2026-000123: Pothole at 120 Main St Bcc: someone@example.org", mail.Subject);
        Assert.Empty(mail.Bcc);
    }

    [Fact]
    public void The_residents_words_are_text_in_the_html_part_and_as_written_in_the_plain_one()
    {
        var mail = Compose(Payload(description: "<img src=x onerror=alert(1)> \"deep\" & wide"));

        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &quot;deep&quot; &amp; wide", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)> \"deep\" & wide", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_without_coordinates_has_no_map_link_and_one_with_them_links_openstreetmap()
    {
        Assert.DoesNotContain("openstreetmap", Compose(Payload(lat: null)).TextBody, StringComparison.Ordinal);
        Assert.Contains("Map: https://www.openstreetmap.org/?mlat=42.1135&mlon=-72.5898#map=18/42.1135/-72.5898", Compose(Payload()).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Photos_are_attached_with_their_type_and_the_ones_not_attached_are_said()
    {
        var mail = DepartmentEmailComposer.Compose(
            Content(Payload()),
            new MailboxAddress("Streets", "streets@springfield.example"),
            Options,
            [new DepartmentEmailAttachment("311-2026-000123-photo-1.png", [0x89, 0x50, 0x4E, 0x47], "image/png")],
            ["photo 2: not attached (too large for one email; see it in the staff console)"]);

        var photo = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal("image/png", photo.ContentType.MimeType);
        Assert.Equal("311-2026-000123-photo-1.png", photo.FileName);
        Assert.Contains("Photos: 1 attached\n- photo 2: not attached (too large", mail.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Null(mail.Headers[HeaderId.ListUnsubscribe]);
    }

    [Fact]
    public void A_payload_that_is_not_a_delivery_is_refused()
    {
        using var document = JsonDocument.Parse("""{"ticket":"311-2026-000123"}""");

        Assert.Null(DepartmentEmailContent.FromPayload(Key, document.RootElement, staffConsoleUrl: null));
    }

    private static MimeMessage Compose(JsonElement payload) =>
        DepartmentEmailComposer.Compose(Content(payload), new MailboxAddress("Streets", "streets@springfield.example"), Options, [], []);

    private static DepartmentEmailContent Content(JsonElement payload) =>
        DepartmentEmailContent.FromPayload(Key, payload, "https://311.springfield.example.gov/staff")!;

    private static JsonElement Payload(string description = "Deep hole in the right lane", string? address = "120 Main St", double? lat = 42.1135) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["case_id"] = "6f1c0e4b-2a9d-4c3e-8f7a-6b5c4d3e2f10",
            ["ticket"] = "311-2026-000123",
            ["service_code"] = "PTHOLE",
            ["service_name"] = "Pothole",
            ["department"] = "DPW-STREETS",
            ["department_name"] = "Public Works – Streets",
            ["description"] = description,
            ["address"] = address,
            ["lat"] = lat,
            ["long"] = lat is null ? null : -72.5898,
            ["attributes"] = new[] { new { code = "WHERE_IN_ROAD", values = new[] { "traffic-lane" }, text = "In a traffic lane", question = "where in the road" } },
            ["channel"] = "sms",
            ["created_at"] = "2026-06-17T16:00:00Z",
            ["created_local"] = "2026-06-17 12:00 UTC-04:00",
        });
}
