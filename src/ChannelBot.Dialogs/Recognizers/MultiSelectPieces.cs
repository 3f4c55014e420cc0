using System.Text;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Cuts a multi-select reply at list punctuation (",", ";", "/", "&amp;", "+", new lines) before it is normalized,
/// since normalizing turns punctuation into spaces. A dash between two numbers is a range: "1-3" becomes "1 to 3".
/// </summary>
internal static class MultiSelectPieces
{
    public static List<string> Split(string utterance)
    {
        var pieces = new List<string>();
        var current = new StringBuilder(utterance.Length);
        for (var i = 0; i < utterance.Length; i++)
        {
            var c = utterance[i];
            if (c is ',' or ';' or '/' or '&' or '+' or '|' or '\n' or '\r')
            {
                Flush(current, pieces);
            }
            else if (c is '-' or '\u2013' or '\u2014' && DigitBefore(utterance, i) && DigitAfter(utterance, i))
            {
                current.Append(" to ");
            }
            else
            {
                current.Append(c);
            }
        }

        Flush(current, pieces);
        return pieces;
    }

    private static void Flush(StringBuilder current, List<string> pieces)
    {
        if (current.Length > 0)
        {
            pieces.Add(current.ToString());
            current.Clear();
        }
    }

    private static bool DigitBefore(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return char.IsAsciiDigit(text[i]);
            }
        }

        return false;
    }

    private static bool DigitAfter(string text, int index)
    {
        for (var i = index + 1; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return char.IsAsciiDigit(text[i]);
            }
        }

        return false;
    }
}
