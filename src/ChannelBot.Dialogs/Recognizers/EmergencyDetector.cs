using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Spots "call 911 now" messages. A phrase of the screen (all languages at once) matches on word boundaries
/// anywhere in the message, after normalization and plural folding ("fires" is "fire"); an <c>Except</c> phrase
/// found in the message cancels every phrase match that shares a word with it: "the fire hydrant is leaking" is
/// not an emergency (except "fire hydrant"), "there's a fire" is; "smoke detector" is not, "smoke coming out" is;
/// "fire hydrant on fire" is (the second "fire" is outside the exception). Words must be spelled as listed: a
/// typo rule would turn "hire" into "fire", so variants belong in the list. Built once from the definitions;
/// immutable and safe to share between threads.
/// </summary>
public sealed class EmergencyDetector
{
    private readonly WordSequenceIndex _phrases;
    private readonly WordSequenceIndex _exceptions;

    public EmergencyDetector(EmergencyScreen screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        _phrases = new WordSequenceIndex(screen.Phrases.All);
        _exceptions = new WordSequenceIndex(screen.Except.All);
    }

    /// <summary>The phrase (as written in the screen) the message matched, or null.</summary>
    public string? Detect(string utterance)
    {
        if (_phrases.IsEmpty)
        {
            return null;
        }

        var words = TextNormalizer.Words(utterance);
        if (words.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < words.Length; i++)
        {
            words[i] = WordForms.Stem(words[i]);
        }

        var excepted = ExceptedWords(words);
        for (var start = 0; start < words.Length; start++)
        {
            foreach (var phrase in _phrases.StartingWith(words[start]))
            {
                if (phrase.OccursAt(words, start) && !IsExcepted(excepted, start, phrase.Words.Length))
                {
                    return phrase.Phrase;
                }
            }
        }

        return null;
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
