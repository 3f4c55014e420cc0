using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ChannelBot.Schema;
using Microsoft.AspNetCore.Http;

namespace ChannelBot.Channels.DirectLine;

/// <summary>The answers Direct Line gives, in the service's own shapes.</summary>
internal static class DirectLineResponses
{
    /// <summary>How long a caller should wait after a 503, in seconds.</summary>
    public const int RetryAfterSeconds = 5;

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorResponse(code, message), SchemaJsonContext.Default.ErrorResponse, statusCode: status);

    public static IResult Conversation(DirectLineConversationResponse body, int status = StatusCodes.Status200OK) =>
        Results.Json(body, DirectLineJsonContext.Default.DirectLineConversationResponse, statusCode: status);

    public static IResult Resource(string id) =>
        Results.Json(new ResourceResponse(id), SchemaJsonContext.Default.ResourceResponse);

    public static IResult ActivitySet(IReadOnlyList<Activity> activities, string watermark) =>
        Results.Bytes(ActivitySetBytes(activities, watermark), "application/json; charset=utf-8");

    /// <summary><c>{"activities":[…],"watermark":"12"}</c>, each activity written by the schema's own serializer.</summary>
    public static byte[] ActivitySetBytes(IReadOnlyList<Activity> activities, long watermark) =>
        ActivitySetBytes(activities, watermark.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc cref="ActivitySetBytes(IReadOnlyList{Activity}, int)"/>
    public static byte[] ActivitySetBytes(IReadOnlyList<Activity> activities, string watermark)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var buffer = new ArrayBufferWriter<byte>(256 + (activities.Count * 512));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("activities");
            writer.WriteStartArray();
            foreach (var activity in activities)
            {
                JsonSerializer.Serialize(writer, activity, SchemaJsonContext.Default.Activity);
            }

            writer.WriteEndArray();
            writer.WriteString("watermark", watermark);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
