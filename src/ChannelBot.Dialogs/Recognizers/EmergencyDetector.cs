using System.Collections.Frozen;
using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Spots "call 911 now" messages. A phrase of the screen (all languages at once) matches on word boundaries
/// anywhere in the message, after normalization and plural folding ("fires" is "fire"); an <c>Except</c> phrase
/// found in the message cancels every phrase match that shares a word with it: "the fire hydrant is leaking" is
/// not an emergency (except "fire hydrant"), "there's a fire" is; "smoke detector" is not, "smoke coming out" is;
/// "fire hydrant on fire" is (the second "fire" is outside the exception). Words must be spelled as listed: a
/// typo rule would turn "hire" into "fire", so variants belong in the list.
/// A phrase stands only where its clause (<see cref="HazardClauses"/>) does not take it back: a negation cue that
/// reaches it across at most <see cref="MaxLightWords"/> light words ("it isn't sparking", "no one was injured",
/// "no huele a gas"; not "I can't stop the bleeding"), a clause that is over ("the fire last week", "it's out
/// now"), an animal and no person in the clause of a harm phrase ("the cat is bleeding"), an everyday source of
/// smoke or sparks ("grill smoke"). A cancelled phrase is reported as such (<see cref="Find"/>): the meaning model
/// still reads the message and decides. Built once from the definitions; immutable and safe to share between threads.
/// </summary>
public sealed class EmergencyDetector
{
    /// <summary>Light words a negation reaches across to a hazard ("no one was injured": "one", "was").</summary>
    public const int MaxLightWords = 3;

    // Words of the phrases that say a body is harmed: an animal in the clause (and no person) cancels them.
    private static readonly FrozenSet<string> _bodilyHarm = new[]
    {
        "hurt", "injured", "injury", "bleeding", "breathing", "unconscious", "hit", "stabbing", "shooting", "heart",
        "herido", "herida", "heridos", "lastimado", "sangrando", "respira", "inconsciente", "desmayado", "atropellado",
        "apunalado", "infarto", "balazos", "disparos",
    }.Select(WordForms.Stem).ToFrozenSet(StringComparer.Ordinal);

    // Words of the phrases that an everyday source explains ("grill smoke", "sparks from the welding shop").
    private static readonly FrozenSet<string> _smokeOrSparks = new[] { "smoke", "sparks", "sparking", "humo", "chispas" }
        .Select(WordForms.Stem).ToFrozenSet(StringComparer.Ordinal);

    private readonly WordSequenceIndex _phrases;
    private readonly WordSequenceIndex _exceptions;

    public EmergencyDetector(EmergencyScreen screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        _phrases = new WordSequenceIndex(screen.Phrases.All);
        _exceptions = new WordSequenceIndex(screen.Except.All);
    }

    /// <summary>The phrase (as written in the screen) the message matched and that stands in its clause, or null.</summary>
    public string? Detect(string utterance) => Find(utterance).Phrase;

    /// <summary>
    /// The first phrase that stands, else the first one its clause cancels and why (see the class summary); both
    /// null when the message holds no phrase.
    /// </summary>
    public EmergencyPhrase Find(string utterance)
    {
        if (_phrases.IsEmpty)
        {
            return EmergencyPhrase.None;
        }

        // Most messages hold no phrase at all: find that out from the words before reading their clauses (the
        // clauses' words are these same words, cut at punctuation that normalizing turns into spaces anyway).
        var stems = Stems(TextNormalizer.Words(utterance));
        if (!HoldsAnyPhrase(stems))
        {
            return EmergencyPhrase.None;
        }

        var clauses = HazardClauses.Of(utterance);
        var words = clauses.Words;
        if (words.Length != stems.Length)
        {
            stems = Stems(words);
        }

        var excepted = ExceptedWords(stems);
        EmergencyPhrase? cancelled = null;
        var negating = false;
        var lightWords = 0;
        var negatedUntil = -1;
        for (var start = 0; start < words.Length; start++)
        {
            var clause = clauses.ClauseOf[start];
            if (start > 0 && clauses.ClauseOf[start - 1] != clause)
            {
                negating = false;
            }

            foreach (var phrase in _phrases.StartingWith(stems[start]))
            {
                if (!phrase.OccursAt(stems, start) || IsExcepted(excepted, start, phrase.Words.Length))
                {
                    continue;
                }

                var reason = negating ? PhraseCancel.Negated
                    : clauses.IsOver(clause) ? PhraseCancel.Over
                    : clauses.IsAboutAnimal(clause) && IsBodilyHarm(phrase) ? PhraseCancel.Animal
                    : clauses.HasOrdinarySource(clause) && IsSmokeOrSparks(phrase) ? PhraseCancel.OrdinarySource
                    : PhraseCancel.None;
                if (reason == PhraseCancel.None)
                {
                    return new EmergencyPhrase(phrase.Phrase, null);
                }

                cancelled ??= new EmergencyPhrase(null, new CancelledPhrase(phrase.Phrase, reason));
                if (reason == PhraseCancel.Negated)
                {
                    // "no smoke or fire": the negation reaches on past a negated hazard.
                    negatedUntil = Math.Max(negatedUntil, start + phrase.Words.Length - 1);
                }
            }

            var word = words[start];
            if (HazardClauses.IsNegationCue(word))
            {
                negating = true;
                lightWords = 0;
            }
            else if (negating && start > negatedUntil)
            {
                negating = HazardClauses.IsLight(word) && ++lightWords <= MaxLightWords;
            }
        }

        return cancelled ?? EmergencyPhrase.None;
    }

    private static string[] Stems(string[] words)
    {
        var stems = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            stems[i] = WordForms.Stem(words[i]);
        }

        return stems;
    }

    private bool HoldsAnyPhrase(string[] stems)
    {
        for (var start = 0; start < stems.Length; start++)
        {
            foreach (var phrase in _phrases.StartingWith(stems[start]))
            {
                if (phrase.OccursAt(stems, start))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool[]? ExceptedWords(string[] words)
    {
        if (_exceptions.IsEmpty)
        {
            return null;
        }

        bool[]? excepted = null;
        for (var start = 0; start < words.Length; start++)
        {
            foreach (var exception in _exceptions.StartingWith(words[start]))
            {
                if (!exception.OccursAt(words, start))
                {
                    continue;
                }

                excepted ??= new bool[words.Length];
                Array.Fill(excepted, true, start, exception.Words.Length);
            }
        }

        return excepted;
    }

    private static bool IsBodilyHarm(WordSequence phrase) => phrase.Words.Any(_bodilyHarm.Contains);

    private static bool IsSmokeOrSparks(WordSequence phrase) => phrase.Words.Any(_smokeOrSparks.Contains);

    private static bool IsExcepted(bool[]? excepted, int start, int length)
    {
        if (excepted is null)
        {
            return false;
        }

        for (var i = start; i < start + length; i++)
        {
            if (excepted[i])
            {
                return true;
            }
        }

        return false;
    }
}
