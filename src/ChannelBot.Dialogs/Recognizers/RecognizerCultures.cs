using Microsoft.Recognizers.Text;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Maps our language codes to Microsoft.Recognizers.Text cultures: "es…" → <see cref="Culture.Spanish"/> (es-es; the
/// library's only other Spanish culture, es-mx, has no date/time models), anything else →
/// <see cref="Culture.English"/> (en-us). Residents mix languages, so the other culture is tried second.
/// </summary>
public static class RecognizerCultures
{
    private static readonly string[] _englishFirst = [Culture.English, Culture.Spanish];
    private static readonly string[] _spanishFirst = [Culture.Spanish, Culture.English];

    public static string For(string? language) => IsSpanish(language) ? Culture.Spanish : Culture.English;

    /// <summary>The resident's culture, then the other one.</summary>
    public static IReadOnlyList<string> InOrderOfPreference(string? language) => IsSpanish(language) ? _spanishFirst : _englishFirst;

    private static bool IsSpanish(string? language) =>
        language is not null && language.StartsWith("es", StringComparison.OrdinalIgnoreCase);
}
