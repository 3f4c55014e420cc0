using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChannelBot.Schema.Tests;

/// <summary>The Activity on the wire: camelCase, nulls left out, unknown properties kept, exact wire values.</summary>
public sealed class ActivityJsonTests
{
    private const string EmulatorMessage = """
        {
          "type": "message",
          "id": "4f2b9c80-1",
          "timestamp": "2026-11-29T14:00:00.123Z",
          "localTimestamp": "2026-11-29T09:00:00.123-05:00",
          "localTimezone": "America/New_York",
          "serviceUrl": "http://localhost:54321",
          "channelId": "emulator",
          "from": { "id": "u1", "name": "User", "role": "user" },
          "conversation": { "id": "c1|livechat" },
          "recipient": { "id": "b1", "name": "Bot", "role": "bot" },
          "textFormat": "plain",
          "locale": "es-US",
          "text": "hay un bache",
          "attachments": [ { "contentType": "image/png", "contentUrl": "http://localhost:54321/a.png", "name": "a.png" } ],
          "entities": [ { "type": "ClientCapabilities", "requiresBotState": true, "supportsListening": true } ],
          "channelData": { "clientActivityID": "abc", "nested": { "n": [1, 2] } },
          "futureField": { "x": 1 },
          "anotherFuture": "kept"
        }
        """;

    [Fact]
    public void Known_fields_are_read_from_camel_case()
    {
        var activity = ActivityJson.Deserialize(EmulatorMessage);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("emulator", activity.ChannelId);
        Assert.Equal("c1|livechat", activity.Conversation?.Id);
        Assert.Equal("u1", activity.From?.Id);
        Assert.Equal("user", activity.From?.Role);
        Assert.Equal("es-US", activity.Locale);
        Assert.Equal("hay un bache", activity.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 14, 0, 0, 123, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(-5), activity.LocalTimestamp?.Offset);
        Assert.Equal("image/png", Assert.Single(activity.Attachments!).ContentType);
        Assert.Equal("abc", activity.ChannelDataObject?.GetProperty("clientActivityID").GetString());
    }

    [Fact]
    public void Unknown_properties_are_kept_and_written_back_unchanged()
    {
        var activity = ActivityJson.Deserialize(EmulatorMessage);

        var written = JsonNode.Parse(ActivityJson.Serialize(activity))!.AsObject();

        Assert.Equal(1, written["futureField"]!["x"]!.GetValue<int>());
        Assert.Equal("kept", written["anotherFuture"]!.GetValue<string>());
        var entity = written["entities"]![0]!;
        Assert.True(entity["requiresBotState"]!.GetValue<bool>());
        Assert.Equal(2, written["channelData"]!["nested"]!["n"]![1]!.GetValue<int>());
    }

    [Fact]
    public void A_round_trip_keeps_every_property_and_value()
    {
        var original = JsonNode.Parse(EmulatorMessage)!;

        var roundTripped = JsonNode.Parse(ActivityJson.Serialize(ActivityJson.Deserialize(EmulatorMessage)))!;

        Assert.True(JsonNode.DeepEquals(Normalize(original), Normalize(roundTripped)), roundTripped.ToJsonString());
    }

    [Fact]
    public void Nulls_are_left_out_and_names_are_camel_case()
    {
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "Where is it?",
            InputHint = InputHints.ExpectingInput,
            ReplyToId = "4f2b9c80-1",
        };

        var json = ActivityJson.Serialize(reply);

        Assert.Equal("""{"type":"message","text":"Where is it?","inputHint":"expectingInput","replyToId":"4f2b9c80-1"}""", json);
    }

    [Fact]
    public void Wire_constants_have_the_exact_spelling_of_the_spec()
    {
        Assert.Equal("expectingInput", InputHints.ExpectingInput);
        Assert.Equal("acceptingInput", InputHints.AcceptingInput);
        Assert.Equal("ignoringInput", InputHints.IgnoringInput);
        Assert.Equal("conversationUpdate", ActivityTypes.ConversationUpdate);
        Assert.Equal("imBack", ActionTypes.ImBack);
        Assert.Equal("postBack", ActionTypes.PostBack);
        Assert.Equal("markdown", TextFormats.Markdown);
    }

    [Fact]
    public void Timestamps_are_written_in_UTC_with_a_Z()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Timestamp = new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.FromHours(-5)),
        };

        var json = JsonNode.Parse(ActivityJson.Serialize(activity))!;

        var timestamp = json["timestamp"]!.GetValue<string>();
        Assert.EndsWith("Z", timestamp, StringComparison.Ordinal);
        Assert.StartsWith("2026-11-29T14:00:00", timestamp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("\"message\"")]
    [InlineData("""{"type": 5}""")]
    [InlineData("""{"timestamp": "yesterday"}""")]
    public void Malformed_json_raises_a_JsonException_never_anything_else(string json) =>
        Assert.ThrowsAny<JsonException>(() => ActivityJson.Deserialize(json));

    [Fact]
    public void The_conversation_reference_carries_what_a_later_message_needs()
    {
        var activity = ActivityJson.Deserialize(EmulatorMessage);

        var reference = ActivityJson.DeserializeReference(ActivityJson.Serialize(activity.GetConversationReference()));

        Assert.Equal("c1|livechat", reference.Conversation?.Id);
        Assert.Equal("http://localhost:54321", reference.ServiceUrl);
        Assert.Equal("u1", reference.User?.Id);
        Assert.Equal("b1", reference.Bot?.Id);
        Assert.Equal("emulator", reference.ChannelId);
        Assert.Equal("es-US", reference.Locale);
    }

    [Fact]
    public void A_reply_goes_back_to_the_sender_threaded_to_the_message()
    {
        var activity = ActivityJson.Deserialize(EmulatorMessage);

        var reply = activity.CreateReply("¿Dónde está?");

        Assert.Equal("4f2b9c80-1", reply.ReplyToId);
        Assert.Equal("u1", reply.Recipient?.Id);
        Assert.Equal("b1", reply.From?.Id);
        Assert.Equal("c1|livechat", reply.Conversation?.Id);
        Assert.Equal("http://localhost:54321", reply.ServiceUrl);
    }

    /// <summary>The timestamps are compared as instants (the writer always uses Z and may drop trailing zeros).</summary>
    private static JsonNode Normalize(JsonNode node)
    {
        var copy = node.DeepClone().AsObject();
        foreach (var name in new[] { "timestamp", "localTimestamp" })
        {
            copy[name] = DateTimeOffset.Parse(copy[name]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        }

        return copy;
    }
}
