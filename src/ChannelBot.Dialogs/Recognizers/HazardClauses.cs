using System.Collections.Frozen;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// A message cut into clauses, as the emergency screen reads the scope of what a hazard word says: the normalized
/// words of the whole message (as <see cref="TextNormalizer.Words"/> gives them) and, for each word, the clause it
/// belongs to. A clause ends at punctuation (. , ; : ! ? ¿ ¡ parentheses, line breaks) and before a word that
/// joins two statements ("but", "and", "pero", "y", "although"...). Per clause it tells:
/// <list type="bullet">
/// <item><see cref="IsOver"/>: the clause places what it says in the past or says it is done ("last week",
/// "yesterday", "a few years back", "it's out now", "put out", "already came", "hace meses", "anoche", "ya se
/// apagó"), and holds nothing that brings it back to the present ("now", "right now", "ahorita", "again"). A bare
/// past tense is not enough: "my wife fainted" and "I just heard gunshots" are happening to the resident now.
/// Minutes and hours are not the past either ("the alarm started an hour ago", "desde hace media hora"). Saying
/// that something is done also closes the clause just before ("we had a brush fire, it's out now").</item>
/// <item><see cref="IsAboutAnimal"/>: an animal is named and no person is ("the cat is bleeding").</item>
/// <item><see cref="HasOrdinarySource"/>: smoke or sparks come from something that makes them every day (a grill,
/// a chimney, a hookah, welding) named in the same sentence piece (between punctuation marks: "a hookah lounge and
/// the smoke smell gets in").</item>
/// </list>
/// And per word <see cref="IsNegationCue"/> and <see cref="IsLight"/>, from which <see cref="EmergencyDetector"/>
/// reads a negation's reach. Everything is one pass over the words: linear in the (capped) message.
/// </summary>
internal sealed class HazardClauses
{
    private static readonly FrozenSet<string> _breaks = Set(
        "but", "and", "although", "though", "however", "while", "whereas", "then",
        "pero", "y", "aunque", "sino", "mientras", "luego", "entonces");

    private static readonly FrozenSet<string> _negationCues = Set(
        "not", "no", "nor", "never", "none", "nobody", "nothing", "noone", "without", "neither",
        "isnt", "arent", "wasnt", "werent", "dont", "doesnt", "didnt", "cant", "cannot", "wont", "hasnt", "havent", "hadnt", "aint", "nope",
        "nadie", "nada", "nunca", "ni", "sin", "tampoco", "ningun", "ninguno", "ninguna", "jamas");

    // Words a negation reaches across on its way to the hazard: "isn't any smoke", "no one was injured", "no
    // echa chispas", "I don't smell gas". Anything else ends the reach: "I can't stop the bleeding".
    private static readonly FrozenSet<string> _light = Set(
        "is", "are", "was", "were", "be", "been", "being", "its", "it", "theres", "there", "thats", "any", "a", "an", "the",
        "some", "one", "single", "sign", "signs", "of", "more", "anymore", "really", "actually", "even", "real", "or", "at", "all",
        "smell", "smelling", "smells", "see", "seeing", "saw", "seen", "hear", "heard", "got", "get", "getting", "ever", "anything",
        "hay", "habia", "hubo", "es", "esta", "estan", "era", "fue", "echa", "echan", "echando", "sale", "salen", "salio", "salieron",
        "resulto", "quedo", "un", "una", "el", "la", "los", "las", "de", "del", "ya", "se", "le", "me", "nos", "o", "huele", "olor",
        "veo", "vi", "ve", "oigo", "hubo", "tiene", "tienen", "ningun", "ninguna", "algun", "alguna");

    private static readonly FrozenSet<string> _present = Set(
        "now", "rn", "currently", "again", "ahora", "ahorita", "orita", "actualmente", "nuevamente");

    private static readonly FrozenSet<string> _pastWords = Set(
        "yesterday", "earlier", "previously", "ayer", "anoche", "antier", "anteayer", "antenoche",
        "extinguished", "fixed", "repaired", "towed", "apagaron", "apago", "arreglaron", "arreglada", "arreglado",
        "repararon", "reparada", "reparado", "resulto");

    private static readonly FrozenSet<string> _pastAfterLast = Set(
        "night", "week", "month", "year", "summer", "winter", "spring", "fall", "autumn", "weekend", "time",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private static readonly FrozenSet<string> _longUnits = Set(
        "day", "days", "week", "weeks", "month", "months", "year", "years", "while", "time", "decade", "decades",
        "dia", "dias", "semana", "semanas", "mes", "meses", "ano", "anos", "tiempo", "mucho", "verano", "invierno",
        "primavera", "otono", "semanas", "fin");

    private static readonly FrozenSet<string> _shortUnits = Set(
        "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "moment");

    private static readonly FrozenSet<string> _months = Set(
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre",
        "noviembre", "diciembre");

    private static readonly FrozenSet<string> _doneBefore = Set("is", "its", "was", "went", "put", "puts", "burned", "burnt", "been", "long");

    private static readonly FrozenSet<string> _notDoneAfter = Set(
        "of", "in", "at", "to", "from", "there", "here", "onto", "into", "through", "the", "my", "our", "his", "her",
        "everywhere", "front", "back", "under", "over", "here", "side", "window", "door");

    private static readonly FrozenSet<string> _alreadyDone = Set(
        "came", "come", "here", "there", "left", "fixed", "put", "took", "cleared", "gone", "checked", "handled", "towed",
        "out", "over", "vino", "vinieron", "paso", "llevaron", "arreglaron", "apagaron", "apago", "revisaron", "quitaron");

    private static readonly FrozenSet<string> _animals = Set(
        "animal", "animals", "pet", "dog", "dogs", "puppy", "pup", "cat", "cats", "kitten", "kitty", "deer", "raccoon", "squirrel",
        "bird", "birds", "hawk", "owl", "goose", "geese", "duck", "ducks", "pigeon", "turtle", "skunk", "possum", "opossum", "fox",
        "coyote", "horse", "cow", "rabbit", "bunny", "bat", "snake", "doe", "fawn", "chicken", "pitbull", "pit", "goat",
        "sheep", "pig", "cabra", "borrego", "cerdo", "puerco", "chivo",
        "mascota", "perro", "perra", "perrito", "perrita", "gato", "gata", "gatito", "gatita", "venado", "mapache", "ardilla",
        "pajaro", "pajarito", "pajaritos", "pato", "paloma", "tortuga", "zorrillo", "zorro", "coyote", "caballo", "vaca",
        "conejo", "tlacuache", "zarigueya", "murcielago", "culebra", "vibora", "gallina", "becerro", "cachorro");

    private static readonly FrozenSet<string> _people = Set(
        "someone", "somebody", "person", "people", "man", "men", "woman", "women", "guy", "lady", "kid", "kids", "child",
        "children", "boy", "girl", "baby", "toddler", "driver", "neighbor", "neighbour", "resident", "worker", "student",
        "owner", "mom", "dad", "son", "daughter", "wife", "husband", "jogger", "rider", "pedestrian", "walker",
        "alguien", "persona", "personas", "gente", "hombre", "mujer", "senor", "senora", "nino", "nina", "ninos", "bebe",
        "muchacho", "muchacha", "chofer", "conductor", "vecino", "vecina", "dueno", "duena", "hijo", "hija",
        "esposo", "esposa", "mama", "papa", "abuelo", "abuela", "trabajador", "motociclista", "ciclista", "peaton");

    // The resident and those with them: "I keep blacking out and my dog is throwing up" is about people too.
    private static readonly FrozenSet<string> _speakers = Set("i", "im", "ive", "me", "myself", "we", "us", "were", "yo", "nosotros", "nos");

    private static readonly FrozenSet<string> _ordinarySources = Set(
        "grill", "grills", "grilling", "barbecue", "barbeque", "bbq", "cookout", "smoker", "hookah", "cigarette", "cigarettes",
        "cigar", "cigars", "vape", "vaping", "chimney", "fireplace", "woodstove", "exhaust", "tailpipe", "welding", "welder",
        "grinder", "grinding", "incense", "steam", "fog", "factory", "sparkler", "sparklers",
        "parrilla", "asador", "asadores", "carbon", "cigarro", "cigarros", "fumadores", "fumar", "chimenea", "lena",
        "escape", "soldadura", "soldando", "soldador", "esmeril", "incienso", "vapor", "fabrica", "bengalas");

    private readonly bool[] _over;
    private readonly bool[] _animal;
    private readonly bool[] _ordinary;

    private HazardClauses(string[] words, int[] clauseOf, int[] pieceOf, int clauses)
    {
        Words = words;
        ClauseOf = clauseOf;
        _over = new bool[clauses];
        _animal = new bool[clauses];
        _ordinary = new bool[clauses];
        var present = new bool[clauses];
        var person = new bool[clauses];
        var done = new bool[clauses];
        HashSet<int>? ordinaryPiece = null;
        for (var i = 0; i < words.Length; i++)
        {
            var c = clauseOf[i];
            var word = words[i];
            if (_present.Contains(word) && !(i > 0 && words[i - 1] is "out" or "over"))
            {
                present[c] = true;
            }

            var cue = PastCue(words, i, clauseOf);
            _over[c] |= cue != Cue.None;
            done[c] |= cue == Cue.Done;
            _animal[c] |= _animals.Contains(word);
            person[c] |= _people.Contains(word);
            if (_ordinarySources.Contains(word))
            {
                (ordinaryPiece ??= []).Add(pieceOf[i]);
            }
        }

        for (var i = 0; ordinaryPiece is not null && i < words.Length; i++)
        {
            _ordinary[clauseOf[i]] |= ordinaryPiece.Contains(pieceOf[i]);
        }

        AboutAnimalsOnly = Array.IndexOf(_animal, true) >= 0 && Array.IndexOf(person, true) < 0 && !words.Any(_speakers.Contains);
        for (var c = 0; c < clauses; c++)
        {
            // "we had a brush fire, it's out now": being done is said of what the clause before named.
            _over[c] |= c + 1 < clauses && done[c + 1] && !present[c + 1];
            _over[c] &= !present[c];
            _animal[c] &= !person[c];
        }
    }

    /// <summary>The normalized words of the message.</summary>
    public string[] Words { get; }

    /// <summary>For each word, the index of its clause.</summary>
    public int[] ClauseOf { get; }

    public static HazardClauses Of(string? text)
    {
        var words = new List<string>();
        var clauseOf = new List<int>();
        var pieceOf = new List<int>();
        var clause = 0;
        var pieces = 0;
        if (!string.IsNullOrEmpty(text))
        {
            foreach (var piece in text.Split(['.', ',', ';', ':', '!', '?', '¿', '¡', '\n', '\r', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            {
                var pieceWords = TextNormalizer.Words(piece);
                if (pieceWords.Length == 0)
                {
                    continue;
                }

                if (words.Count > 0)
                {
                    clause++;
                }

                pieces++;
                foreach (var word in pieceWords)
                {
                    if (_breaks.Contains(word) && clauseOf.Count > 0 && clauseOf[^1] == clause)
                    {
                        clause++;
                    }

                    words.Add(word);
                    clauseOf.Add(clause);
                    pieceOf.Add(pieces);
                }
            }
        }

        return new HazardClauses([.. words], [.. clauseOf], [.. pieceOf], words.Count == 0 ? 0 : clause + 1);
    }

    public bool IsOver(int clause) => _over[clause];

    /// <summary>
    /// Whether the message names an animal and no person anywhere, the resident included ("a van ran over a goose
    /// and it is flapping around"; not "I feel faint and my dog is throwing up").
    /// </summary>
    public bool AboutAnimalsOnly { get; }

    public bool IsAboutAnimal(int clause) => _animal[clause];

    public bool HasOrdinarySource(int clause) => _ordinary[clause];

    public static bool IsNegationCue(string word) => _negationCues.Contains(word);

    public static bool IsLight(string word) => _light.Contains(word);

    private enum Cue
    {
        None,
        Time,
        Done,
    }

    private static Cue PastCue(string[] words, int i, int[] clauseOf)
    {
        var word = words[i];
        var cue = IsPastCue(words, i, clauseOf);
        if (!cue)
        {
            return Cue.None;
        }

        return word is "out" or "over" or "already" or "ya" or "extinguished" or "fixed" or "repaired" or "apagaron" or "apago"
            or "arreglaron" or "repararon" ? Cue.Done : Cue.Time;
    }

    private static bool IsPastCue(string[] words, int i, int[] clauseOf)
    {
        var word = words[i];
        string? Before(int back) => i - back >= 0 && clauseOf[i - back] == clauseOf[i] ? words[i - back] : null;
        string? After(int ahead) => i + ahead < words.Length && clauseOf[i + ahead] == clauseOf[i] ? words[i + ahead] : null;
        bool Since() => Before(1) is "since" or "desde" || Before(2) is "since" or "desde";

        switch (word)
        {
            case var _ when _pastWords.Contains(word):
                return !Since();
            case "last" or "past":
                return After(1) is { } period && _pastAfterLast.Contains(period) && !Since();
            case "ago" or "back":
                // "two weeks ago", "a few years back"; not "an hour ago" (still going on) nor "went back".
                return (Before(1) is { } unit && _longUnits.Contains(unit)) || (Before(2) is { } unit2 && _longUnits.Contains(unit2) && !_shortUnits.Contains(Before(1)!));
            case "hace":
                // "hace meses", "fue hace un año"; not "hace media hora" nor "hace días que huele a gas" (for days, still).
                for (var k = 1; k <= 2; k++)
                {
                    if (After(k) is { } span && _longUnits.Contains(span))
                    {
                        return After(k + 1) != "que" && !Since();
                    }
                }

                return false;
            case "pasado" or "pasada" or "pasados" or "pasadas":
                return Before(1) is { } unitBefore && _longUnits.Contains(unitBefore);
            case "in" or "en":
                // "back in March", "fue en marzo".
                return After(1) is { } month && _months.Contains(month);
            case "out" or "over":
                // "it's out now", "they put it out", "long over"; not "out of control", "pouring out the window", "all over the street".
                return Before(1) is { } verb
                    && ((verb is "put" or "puts" && word == "out") || (verb == "it" && Before(2) is "put" or "puts")
                        || (_doneBefore.Contains(verb) && (After(1) is not { } following || !_notDoneAfter.Contains(following))));
            case "already" or "ya":
                return After(1) is { } done && (_alreadyDone.Contains(done) || (word == "ya" && After(1) == "se" && After(2) is { } reflexive && _alreadyDone.Contains(reflexive)));
            case "turned" or "taken" or "took":
                return After(1) is "out" or "away";
            case "weekend":
                return Before(1) == "the" && Before(2) is "over" or "during";
            default:
                return false;
        }
    }

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
