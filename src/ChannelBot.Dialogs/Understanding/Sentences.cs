namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// Cuts a message into the parts a resident would read as separate sentences, so a second matter is not drowned
/// out by the first ("pothole on 9th. Also a man just collapsed on the sidewalk"): after . ! ? ; and line breaks,
/// and before "also", "plus", "también", "además" (not before "but", which mostly brings a negation of what came
/// before: "the wire is down but not sparking"). A part of fewer than <see cref="MinimumWords"/> words joins the
/// next. The parts are consecutive and cover the whole text, delimiters included, so the word pieces of the parts
/// put end to end are the word pieces of the whole.
/// </summary>
internal static class Sentences
{
    public const int MinimumWords = 3;

    private static readonly HashSet<string> _turns = new(["also", "plus", "también", "tambien", "además", "ademas"], StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Of(string text)
    {
        var parts = new List<string>();
        var start = 0;
        var words = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (IsEnd(text[i]))
            {
                while (i < text.Length && (IsEnd(text[i]) || char.IsWhiteSpace(text[i])))
                {
                    i++;
                }

                Close(text, ref start, i, ref words, parts);
                continue;
            }

            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var wordStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsEnd(text[i]))
            {
                i++;
            }

            if (words > 0 && _turns.Contains(text[wordStart..i].TrimEnd(',')))
            {
                Close(text, ref start, wordStart, ref words, parts);
            }

            words++;
        }

        if (start < text.Length)
        {
            if (words < MinimumWords && parts.Count > 0)
            {
                parts[^1] += text[start..];
            }
            else
            {
                parts.Add(text[start..]);
            }
        }

        return parts;
    }

    private static void Close(string text, ref int start, int end, ref int words, List<string> parts)
    {
        if (words < MinimumWords || end <= start)
        {
            return;
        }

        parts.Add(text[start..end]);
        start = end;
        words = 0;
    }

    private static bool IsEnd(char c) => c is '.' or '!' or '?' or ';' or '\n' or '\r';
}
