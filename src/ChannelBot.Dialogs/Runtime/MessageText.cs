namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// The one limit on what the engine reads of a message. Channels cap text at their own real limit when a message
/// arrives; the engine caps it again here, so every recognizer (phrases, keywords, typos, numbers, dates, the
/// understanding model) works on at most <see cref="MaxLength"/> characters whatever a channel let through. The
/// longest answer the catalog accepts (a description) has the same limit, so no resident's real answer is cut.
/// </summary>
public static class MessageText
{
    /// <summary>Characters of one message the engine reads.</summary>
    public const int MaxLength = 2_000;

    /// <summary>The trimmed text, cut to <paramref name="maxLength"/> at the last space before it (never inside a surrogate pair).</summary>
    public static string Cap(string? text, int maxLength = MaxLength)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length <= maxLength)
        {
            return trimmed;
        }

        var cut = maxLength;
        var space = trimmed.LastIndexOf(' ', maxLength, Math.Min(maxLength + 1, 200));
        if (space > 0)
        {
            cut = space;
        }
        else if (char.IsHighSurrogate(trimmed[cut - 1]))
        {
            cut--;
        }

        return trimmed[..cut].TrimEnd();
    }
}
