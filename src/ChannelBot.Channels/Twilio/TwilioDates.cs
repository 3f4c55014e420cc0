using System.Globalization;

namespace ChannelBot.Channels.Twilio;

/// <summary>Twilio's REST dates: RFC 2822, e.g. <c>Mon, 23 Nov 2026 18:00:00 +0000</c>.</summary>
internal static class TwilioDates
{
    private static readonly string[] Formats = ["ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz", "r"];

    public static bool TryParse(string? value, out DateTimeOffset at)
    {
        at = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();

        // .NET's zzz wants +00:00; RFC 2822 writes +0000.
        if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && text[^4..].All(char.IsAsciiDigit))
        {
            text = text[..^2] + ":" + text[^2..];
        }

        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }
}
