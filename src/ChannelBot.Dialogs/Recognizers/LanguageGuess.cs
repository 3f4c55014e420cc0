using System.Collections.Frozen;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Guesses whether a message is English or Spanish from its small everyday words ("hay un bache en la calle",
/// "there's a hole in the road"), for channels that say nothing about the resident's language (SMS, WhatsApp).
/// Words both languages share ("a", "me", "no", "si") count for neither. Null when the words do not tell.
/// </summary>
public static class LanguageGuess
{
    private static readonly FrozenSet<string> _spanish = FrozenSet.Create(
        StringComparer.Ordinal,
        "hay", "el", "la", "los", "las", "un", "una", "unos", "unas", "del", "al", "de", "en", "que", "por", "para",
        "mi", "mis", "con", "esta", "estan", "es", "son", "hola", "quiero", "tengo", "necesito", "muy", "se", "lo",
        "le", "y", "pero", "tiene", "buenas", "buenos", "dias", "tardes", "noches", "gracias", "favor", "reportar",
        "calle", "avenida", "frente", "cerca", "donde", "esquina", "casa", "mucho", "mucha", "hace", "desde", "ayer",
        "aqui", "alli", "nuestra", "nuestro", "su", "sus", "otra", "otro", "cuando", "porque", "tambien", "ya");

    private static readonly FrozenSet<string> _english = FrozenSet.Create(
        StringComparer.Ordinal,
        "the", "an", "is", "are", "there", "theres", "its", "it", "my", "on", "in", "at", "of", "to", "and", "with",
        "for", "this", "that", "not", "hi", "hello", "i", "im", "please", "want", "need", "has", "have", "been",
        "near", "by", "our", "street", "road", "was", "were", "since", "yesterday", "from", "out", "down", "up",
        "front", "corner", "house", "thanks", "thank", "you", "your", "we", "they", "what", "where", "when",
        "because", "also", "just", "some", "again", "broken", "big", "huge");

    /// <returns>"es" or "en" when the message's words point clearly at one language, else null.</returns>
    public static string? Guess(string? text)
    {
        var spanish = 0;
        var english = 0;
        foreach (var word in TextNormalizer.Words(text ?? string.Empty))
        {
            if (_spanish.Contains(word))
            {
                spanish++;
            }
            else if (_english.Contains(word))
            {
                english++;
            }
        }

        return spanish > english ? "es" : english > spanish ? "en" : null;
    }
}
