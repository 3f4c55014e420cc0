using System.Globalization;
using Microsoft.Recognizers.Text;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Reads a number from a reply with Microsoft.Recognizers.Text.Number: digits, words ("three", "tres",
/// "twenty one"), fractions ("half", "1/2") and numbers inside a sentence ("about 5 days" → 5). The resident's
/// language is tried first, then the other one ("tres" in an English conversation). The first number wins ("5 or 6"
/// → 5). Nothing is invented: "a week" is null. Note that the Spanish model reads the article "un"/"una" as 1
/// ("una semana" → 1), which the caller's bounds may reject.
/// </summary>
public static class NumberRecognizer
{
    // The Spanish model writes its values with a decimal comma ("2,5"), the English one with a point.
    private static readonly NumberFormatInfo _spanishValues =
        NumberFormatInfo.ReadOnly(new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." });

    public static double? Recognize(string utterance, string language)
    {
        if (string.IsNullOrWhiteSpace(utterance))
        {
            return null;
        }

        foreach (var culture in RecognizerCultures.InOrderOfPreference(language))
        {
            foreach (var result in RecognizerModels.Number(culture).Parse(utterance))
            {
                if (ValueOf(result, culture) is { } value)
                {
                    return value;
                }
            }
        }

        return null;
    }

    private static double? ValueOf(ModelResult result, string culture)
    {
        if (result.Resolution is null || !result.Resolution.TryGetValue("value", out var raw) || raw is not string text)
        {
            return null;
        }

        var format = culture == Culture.Spanish ? _spanishValues : NumberFormatInfo.InvariantInfo;
        return double.TryParse(text, NumberStyles.Float, format, out var value) && double.IsFinite(value) ? value : null;
    }
}
