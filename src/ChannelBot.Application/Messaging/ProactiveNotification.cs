using System.Text.Json;
using ChannelBot.Schema;

namespace ChannelBot.Application.Messaging;

/// <summary>
/// The mark of a proactive notification on its outbox activity: its purpose, the resident's language and the
/// values a channel template fills in, in template order. It travels in the activity's <c>channelData</c> under
/// <see cref="Property"/>, so it is stored with the outbox row and needs no schema change; the activity's text
/// stays the free-form message for channels (and windows) that take free-form text.
/// </summary>
/// <param name="Purpose">One of <see cref="NotificationPurposes"/>.</param>
/// <param name="Language">The resident's language, e.g. <c>en</c> or <c>es</c>.</param>
/// <param name="Variables">Name and value of each template variable, in the order the template numbers them (1, 2, 3...).</param>
public sealed record ProactiveNotification(string Purpose, string Language, IReadOnlyList<KeyValuePair<string, string>> Variables)
{
    /// <summary>The <c>channelData</c> property that carries the mark.</summary>
    public const string Property = "notification";

    /// <summary>Marks <paramref name="activity"/> as this notification (other <c>channelData</c> properties are kept).</summary>
    public void Tag(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (activity.ChannelDataObject is { } existing)
            {
                foreach (var property in existing.EnumerateObject().Where(p => p.Name != Property))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteStartObject(Property);
            writer.WriteString("purpose", Purpose);
            writer.WriteString("language", Language);
            writer.WriteStartArray("variables");
            foreach (var (name, value) in Variables)
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteString("value", value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        activity.ChannelData = document.RootElement.Clone();
    }

    /// <summary>The notification <paramref name="activity"/> is marked as, or null for an ordinary message.</summary>
    public static ProactiveNotification? Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelDataObject is not { } data
            || !data.TryGetProperty(Property, out var mark)
            || mark.ValueKind != JsonValueKind.Object
            || !mark.TryGetProperty("purpose", out var purpose)
            || purpose.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(purpose.GetString()))
        {
            return null;
        }

        var language = mark.TryGetProperty("language", out var lang) && lang.ValueKind == JsonValueKind.String ? lang.GetString() ?? string.Empty : string.Empty;
        var variables = new List<KeyValuePair<string, string>>();
        if (mark.TryGetProperty("variables", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object
                    && item.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                    && item.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    variables.Add(new(name.GetString()!, value.GetString()!));
                }
            }
        }

        return new ProactiveNotification(purpose.GetString()!, language, variables);
    }
}
