using Microsoft.Recognizers.Text;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Maps our language codes to Microsoft.Recognizers.Text cultures: "es…" → <see cref="Culture.Spanish"/> (es-es),
/// anything else → <see cref="Culture.English"/> (en-us). The library also has es-mx (<see cref="Culture.SpanishMexican"/>);
/// on the phrases residents use for reports ("anoche", "hace 2 horas", "desde el martes pasado a las 5pm",
/// "el 3/11") it reads exactly as es-es, so es-es it is. Residents mix languages, so the other culture is tried second.
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
