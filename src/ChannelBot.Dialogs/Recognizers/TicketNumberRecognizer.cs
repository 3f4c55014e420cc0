using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Finds a case number in a message and returns it canonical: <c>{prefix}-{yyyy}-{000000}</c> (six-digit
/// sequence, zero-padded). Forgiving about how residents type it:
/// <list type="bullet">
/// <item>any separators, or none, around the parts: "311-2026-000123", "311 2026 000123", "#311-2026-123",
/// "311/2026/123", "311–2026–123", "SR-2026-42" (the prefix in any case);</item>
/// <item>leading zeros left out: "311-2026-123" → "311-2026-000123";</item>
/// <item>all run together, "3112026000123", only with the full six-digit sequence (otherwise the digits could be
/// split more than one way);</item>
/// <item>without the prefix only as "2026-000123": a dash and the full six digits, so a date ("2026-03-12"), a
/// year followed by a count or a phone number is never taken for a case number.</item>
/// </list>
/// Years must be 20xx; a sequence of zeros or of seven or more digits is not a case number. The message is
/// checked on every turn, so each prefix's pattern is compiled once and kept.
/// </summary>
public static class TicketNumberRecognizer
{
    private const string Separators = @"[\s\-\u2010-\u2015./_:#]";

    private static readonly ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.OrdinalIgnoreCase);

    public static string? Find(string text, string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            for (var match = _patterns.GetOrAdd(prefix, BuildPattern).Match(text); match.Success; match = match.NextMatch())
            {
                var sequence = int.Parse(match.Groups["seq"].ValueSpan, CultureInfo.InvariantCulture);
                if (sequence > 0)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{match.Groups["year"].ValueSpan}-{sequence:D6}");
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        return null;
    }

    private static Regex BuildPattern(string prefix)
    {
        var escaped = Regex.Escape(prefix);
        var withPrefix = $@"{escaped}{Separators}*(?<year>20\d\d)(?:{Separators}+(?<seq>\d{{1,6}})|(?<seq>\d{{6}}))";
        // Not the tail of a longer dashed number ("4311-2026-000123").
        var withoutPrefix = @"(?<![\p{L}\p{N}][\-\u2010-\u2015./_:#])(?<year>20\d\d)[\-\u2010-\u2015](?<seq>\d{6})";
        return new Regex(
            $@"(?<![\p{{L}}\p{{N}}])(?:{withPrefix}|{withoutPrefix})(?![\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
            TimeSpan.FromMilliseconds(250));
    }
}
