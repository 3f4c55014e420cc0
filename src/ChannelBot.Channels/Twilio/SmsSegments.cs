namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Counts the segments an SMS body takes, as carriers bill it. GSM-7: 160 septets in one segment, 153 per
/// segment when split (the rest is the concatenation header); the extension characters <c>^{}\[~]|€</c> and form
/// feed take two septets and are never split from their escape. UCS-2 (any character outside GSM-7: an emoji, a
/// curly quote, <c>á</c>): 70 code units in one segment, 67 per segment when split, never splitting a surrogate
/// pair. Pure; Twilio sends a long body as one concatenated message, so this is for sizing and logs.
/// </summary>
public static class SmsSegments
{
    public const int Gsm7Single = 160;
    public const int Gsm7Part = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2Part = 67;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    /// <summary>True when the character is in the GSM-7 basic table or its extension.</summary>
    public static bool IsGsm7(char c) => BasicSet.Contains(c) || ExtensionSet.Contains(c);

    public static SmsSize Measure(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new SmsSize(SmsEncoding.Gsm7, 0, 0);
        }

        foreach (var c in text)
        {
            if (!IsGsm7(c))
            {
                return MeasureUcs2(text);
            }
        }

        return MeasureGsm7(text);
    }

    private static SmsSize MeasureGsm7(string text)
    {
        var costs = new int[text.Length];
        var units = 0;
        for (var i = 0; i < text.Length; i++)
        {
            costs[i] = ExtensionSet.Contains(text[i]) ? 2 : 1;
            units += costs[i];
        }

        return new SmsSize(SmsEncoding.Gsm7, units, units <= Gsm7Single ? 1 : Pack(costs, Gsm7Part));
    }

    private static SmsSize MeasureUcs2(string text)
    {
        var costs = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                costs.Add(2);
                i++;
            }
            else
            {
                costs.Add(1);
            }
        }

        return new SmsSize(SmsEncoding.Ucs2, text.Length, text.Length <= Ucs2Single ? 1 : Pack(costs, Ucs2Part));
    }

    /// <summary>Fills segments of <paramref name="capacity"/> units in order, never splitting one character's units.</summary>
    private static int Pack(IReadOnlyList<int> costs, int capacity)
    {
        var segments = 1;
        var used = 0;
        foreach (var cost in costs)
        {
            if (used + cost > capacity)
            {
                segments++;
                used = 0;
            }

            used += cost;
        }

        return segments;
    }
}
