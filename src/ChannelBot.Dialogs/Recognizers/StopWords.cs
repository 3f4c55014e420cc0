using System.Collections.Frozen;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// English and Spanish words that carry no meaning for matching a reply to an option or a message to a service
/// type: articles, pronouns, most prepositions, auxiliary verbs, greetings and fillers. Words that change a
/// meaning stay out on purpose: "no", "not", "out", "up", "down", "off", "over", "hasnt".
/// </summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> _words = FrozenSet.Create(
        StringComparer.Ordinal,
        // English
        "a", "an", "the", "this", "that", "these", "those", "there", "theres", "here", "heres",
        "i", "im", "ive", "id", "me", "my", "mine", "we", "us", "our", "you", "your", "he", "him", "his",
        "she", "her", "it", "its", "they", "them", "their", "someone", "somebody", "anyone",
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
        "will", "would", "can", "could", "should", "may", "might", "must", "get", "got", "gets",
        "and", "or", "but", "so", "if", "then", "than", "also", "too", "very", "really", "just", "again",
        "in", "on", "at", "of", "to", "for", "from", "with", "by", "about", "into", "onto", "near", "by",
        "some", "any", "all", "what", "which", "who", "whom", "where", "when", "how", "why",
        "one", "ones", "please", "pls", "plz", "thanks", "thank", "thx", "hi", "hello", "hey", "ok", "okay",
        "think", "guess", "maybe", "probably", "like", "want", "need", "report", "reporting", "want",
        "um", "uh", "hmm", "well", "yeah", "oh",
        // Spanish
        "el", "la", "lo", "los", "las", "un", "una", "unos", "unas", "este", "esta", "estos", "estas", "ese",
        "esa", "eso", "esto", "aqui", "ahi", "alli", "yo", "mi", "mis", "me", "nos", "nuestro", "nuestra",
        "tu", "tus", "su", "sus", "usted", "ustedes", "el", "ella", "ellos", "ellas", "le", "les", "se", "alguien",
        "es", "son", "era", "fue", "estan", "estaba", "hay", "ha", "han", "habia", "ser", "estar", "tiene", "tengo",
        "y", "e", "o", "u", "pero", "que", "si", "como", "muy", "ya", "tambien", "mas",
        "de", "del", "al", "a", "en", "con", "por", "para", "sobre", "entre", "cerca",
        "favor", "porfa", "gracias", "hola", "buenas", "buenos", "creo", "quiero", "necesito", "reportar",
        "pues", "bueno");

    public static bool Contains(string normalizedWord) => _words.Contains(normalizedWord);
}
