using System.Text.Json;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Twilio;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Twilio;

public sealed class TwilioActivityMapperTests
{
    [Fact]
    public void An_sms_becomes_a_message_from_the_residents_number_in_a_conversation_keyed_by_it()
    {
        var inbound = Map(TwilioRequests.Sms());

        Assert.Equal(TwilioInboundKind.Message, inbound.Kind);
        var activity = inbound.Activity!;
        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("sms", activity.ChannelId);
        Assert.Equal("SM5f0c1d2e3f405162738495a6b7c8d9e0", activity.Id);
        Assert.Equal("+15551230000", activity.From!.Id);
        Assert.Equal(RoleTypes.User, activity.From.Role);
        Assert.Equal("+15551230000", activity.Conversation!.Id);
        Assert.Equal("+15559870000", activity.Recipient!.Id);
        Assert.Equal("Pothole on Main St & 5th", activity.Text);
        Assert.Equal(TestClock.Now, activity.Timestamp);
        Assert.Null(activity.Attachments);
        Assert.Null(activity.Entities);
    }

    [Fact]
    public void Every_parameter_is_kept_in_channel_data_and_the_geo_guesses_go_nowhere_else()
    {
        var activity = Map(TwilioRequests.Sms()).Activity!;

        var twilio = activity.ChannelDataObject!.Value.GetProperty("twilio");
        Assert.Equal("45501", twilio.GetProperty("FromZip").GetString());
        Assert.Equal("MG00000000000000000000000000000002", twilio.GetProperty("MessagingServiceSid").GetString());
        Assert.Equal(20, twilio.EnumerateObject().Count());
        Assert.False(activity.ChannelDataObject!.Value.TryGetProperty("keyword", out _));
        Assert.Null(activity.Entities);
        Assert.Null(activity.Locale);
    }

    [Fact]
    public void A_whatsapp_message_is_on_the_whatsapp_channel_with_the_prefixed_address_and_profile_name()
    {
        var parameters = TwilioRequests.Sms("Hola")
            .With("From", "whatsapp:+5215551230000")
            .With("To", "whatsapp:+15559870000")
            .With("ProfileName", "María")
            .With("WaId", "5215551230000");

        var activity = Map(parameters).Activity!;

        Assert.Equal("whatsapp", activity.ChannelId);
        Assert.Equal("whatsapp:+5215551230000", activity.From!.Id);
        Assert.Equal("María", activity.From.Name);
        Assert.Equal("whatsapp:+5215551230000", activity.Conversation!.Id);
        Assert.Equal("whatsapp:+15559870000", activity.Recipient!.Id);
    }

    [Fact]
    public void A_whatsapp_user_known_only_by_a_business_scoped_id_is_addressed_by_it()
    {
        var activity = Map(TwilioRequests.Sms("hi").With("From", "whatsapp:US.13491208655302741918")).Activity!;

        Assert.Equal("whatsapp", activity.ChannelId);
        Assert.Equal("whatsapp:US.13491208655302741918", activity.Conversation!.Id);
    }

    [Fact]
    public void Mms_media_become_attachments_with_their_urls_and_types_in_order()
    {
        var parameters = TwilioRequests.Sms("")
            .With("NumMedia", "2")
            .With("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")
            .With("MediaContentType0", "image/jpeg")
            .With("MediaUrl1", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2")
            .With("MediaContentType1", "image/png");

        var activity = Map(parameters).Activity!;

        Assert.Null(activity.Text);
        Assert.Equal(
            [("image/jpeg", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1"), ("image/png", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2")],
            activity.Attachments!.Select(a => (a.ContentType, a.ContentUrl)));
    }

    [Fact]
    public void A_media_parameter_that_is_not_an_http_url_is_not_an_attachment()
    {
        var activity = Map(TwilioRequests.Sms().With("MediaUrl0", "file:///etc/passwd").With("MediaUrl1", "not a url")).Activity!;

        Assert.Null(activity.Attachments);
    }

    [Fact]
    public void A_whatsapp_location_with_an_empty_body_becomes_a_place_with_coordinates()
    {
        var parameters = TwilioRequests.Sms("")
            .With("From", "whatsapp:+15551230000")
            .With("MessageType", "location")
            .With("Latitude", "39.9242266")
            .With("Longitude", "-83.8088171")
            .With("Address", "76 E High St, Springfield, OH")
            .With("Label", "City Hall");

        var inbound = Map(parameters);

        Assert.Equal(TwilioInboundKind.Message, inbound.Kind);
        Assert.Null(inbound.Activity!.Text);
        var point = GeoPoint.FromActivity(inbound.Activity);
        Assert.Equal(new GeoPoint(39.9242266, -83.8088171, "City Hall", "76 E High St, Springfield, OH"), point);
        var entity = Assert.Single(inbound.Activity.Entities!);
        Assert.Equal("Place", entity.Type);
        Assert.Equal("GeoCoordinates", entity.Properties!["geo"].GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("91", "0")]
    [InlineData("0", "-181")]
    [InlineData("NaN", "0")]
    [InlineData("north", "0")]
    [InlineData("", "")]
    public void Coordinates_out_of_range_or_unreadable_give_no_place(string latitude, string longitude)
    {
        var activity = Map(TwilioRequests.Sms("").With("Latitude", latitude).With("Longitude", longitude)).Activity!;

        Assert.Null(activity.Entities);
    }

    [Fact]
    public void A_pressed_button_gives_its_payload_as_the_text()
    {
        var parameters = TwilioRequests.Sms("Yes, submit it")
            .With("From", "whatsapp:+15551230000")
            .With("MessageType", "button")
            .With("ButtonText", "Yes, submit it")
            .With("ButtonPayload", "confirm.yes");

        Assert.Equal("confirm.yes", Map(parameters).Activity!.Text);
    }

    [Theory]
    [InlineData("STOP", null, "optOut")]
    [InlineData("start", null, "optIn")]
    [InlineData("HELP", null, "help")]
    [InlineData("YES", null, "optInOnLongCode")]
    [InlineData("please stop texting me", null, "revocation")]
    [InlineData("Arrêt", "STOP", "optOut")]
    public void A_consent_keyword_is_named_in_channel_data(string body, string? optOutType, string expected)
    {
        var parameters = TwilioRequests.Sms(body);
        if (optOutType is not null)
        {
            parameters = parameters.With("OptOutType", optOutType);
        }

        var inbound = Map(parameters);

        Assert.Equal(expected, inbound.Activity!.ChannelDataObject!.Value.GetProperty("keyword").GetString());
        Assert.Equal(body, inbound.Activity.Text);
    }

    [Fact]
    public void A_status_callback_sent_to_the_message_url_is_ignored()
    {
        var inbound = Map(TwilioRequests.Sms("").With("MessageStatus", "delivered").With("SmsStatus", "delivered"));

        Assert.Equal(TwilioInboundKind.Ignored, inbound.Kind);
    }

    [Fact]
    public void An_address_of_a_channel_we_do_not_serve_is_ignored()
    {
        Assert.Equal(TwilioInboundKind.Ignored, Map(TwilioRequests.Sms().With("From", "messenger:1234567890")).Kind);
    }

    [Theory]
    [InlineData("MessageSid")]
    [InlineData("From")]
    public void A_message_without_its_id_or_sender_is_invalid(string name)
    {
        var parameters = TwilioRequests.Sms().Without(name).Without("SmsMessageSid").Without("SmsSid");

        Assert.Equal(TwilioInboundKind.Invalid, Map(parameters).Kind);
    }

    [Theory]
    [InlineData("MessageSid", 65)]
    [InlineData("From", 257)]
    public void An_id_or_address_too_long_to_be_real_is_invalid(string name, int length)
    {
        Assert.Equal(TwilioInboundKind.Invalid, Map(TwilioRequests.Sms().With(name, "+" + new string('1', length - 1))).Kind);
    }

    [Fact]
    public void Repeated_parameters_are_kept_as_a_list_in_channel_data()
    {
        var parameters = TwilioRequests.Sms();
        parameters.Add(new("Custom", "a"));
        parameters.Add(new("Custom", "b"));

        var custom = Map(parameters).Activity!.ChannelDataObject!.Value.GetProperty("twilio").GetProperty("Custom");

        Assert.Equal(JsonValueKind.Array, custom.ValueKind);
        Assert.Equal(["a", "b"], custom.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void The_mapped_activity_round_trips_through_the_wire_format()
    {
        var activity = Map(TwilioRequests.Sms().With("Latitude", "1.5").With("Longitude", "2.5")).Activity!;

        var copy = ActivityJson.Deserialize(ActivityJson.SerializeToUtf8Bytes(activity));

        Assert.Equal(activity.Id, copy.Id);
        Assert.Equal(new GeoPoint(1.5, 2.5), GeoPoint.FromActivity(copy));
        Assert.Equal("+15551230000", copy.ChannelDataObject!.Value.GetProperty("twilio").GetProperty("From").GetString());
    }

    private static TwilioInbound Map(IEnumerable<KeyValuePair<string, string>> parameters) =>
        TwilioActivityMapper.Map(TwilioForm.Of(parameters), TestClock.Now);
}
