using System.Text.Encodings.Web;
using System.Text.Json;
using ChannelBot.Application.Messaging;
using ChannelBot.Channels.Common;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Picks the approved Content template for a notification outside WhatsApp's 24-hour window, from
/// <see cref="TwilioOptions.WhatsAppTemplates"/>: by the notification's purpose, then its language (exactly, then
/// the language without its region: <c>es-US</c> → <c>es</c>). Never a template in another language: a resident
/// who wrote in Spanish does not get an English template. Pure.
/// </summary>
internal static class WhatsAppTemplates
{
    private static readonly JsonWriterOptions VariablesWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The template for <paramref name="notification"/>, or null when none is configured (or the message is no notification).</summary>
    public static TwilioContent? Find(TwilioOptions options, ProactiveNotification? notification)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (notification is null || LanguagesOf(options, notification.Purpose) is not { } languages)
        {
            return null;
        }

        foreach (var language in TemplateLanguages.Candidates(notification.Language))
        {
            var contentSid = languages.FirstOrDefault(l => string.Equals(l.Key, language, StringComparison.OrdinalIgnoreCase)).Value;
            if (!string.IsNullOrWhiteSpace(contentSid))
            {
                return new TwilioContent(contentSid, VariablesOf(notification), [.. notification.Variables.Select(v => v.Value)], notification.Purpose, language);
            }
        }

        return null;
    }

    /// <summary>The setting that would hold the template, for the error staff see: <c>Twilio:WhatsAppTemplates:{purpose}:{language}</c>.</summary>
    public static string SettingFor(ProactiveNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return $"{TwilioOptions.SectionName}:{nameof(TwilioOptions.WhatsAppTemplates)}:{notification.Purpose}:{TemplateLanguages.Candidates(notification.Language).LastOrDefault() ?? "(no language)"}";
    }

    /// <summary><c>{"1":"first value","2":"second value",…}</c> in the notification's order.</summary>
    public static string VariablesOf(ProactiveNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, VariablesWriter))
        {
            writer.WriteStartObject();
            for (var i = 0; i < notification.Variables.Count; i++)
            {
                writer.WriteString((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), notification.Variables[i].Value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Dictionary<string, string>? LanguagesOf(TwilioOptions options, string purpose) =>
        options.WhatsAppTemplates.FirstOrDefault(p => string.Equals(p.Key, purpose, StringComparison.OrdinalIgnoreCase)).Value;
}
