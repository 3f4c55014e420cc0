namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// How many typing mistakes a word may contain and still count: none for words of 1–3 letters (too many short
/// words are one letter apart: "yes"/"yet", "one"/"ore"), one for 4–7 letters, two for 8 or more. The shorter of
/// the two words decides. Words with digits never match by typo ("2nd" is not "3rd").
/// </summary>
public static class TypoTolerance
{
    public static int MaxEdits(int length) => length >= 8 ? 2 : length >= 4 ? 1 : 0;

    /// <summary>Compares a word of the message with a known word (both normalized).</summary>
    public static WordMatch Compare(string word, string known)
    {
        if (string.Equals(word, known, StringComparison.Ordinal))
        {
            return WordMatch.Exact;
        }

        var allowed = MaxEdits(Math.Min(word.Length, known.Length));
        if (allowed == 0 || WordForms.HasDigit(word) || WordForms.HasDigit(known))
        {
            return WordMatch.None;
        }

        return EditDistance.Bounded(word, known, allowed) <= allowed ? WordMatch.Typo : WordMatch.None;
    }
}
