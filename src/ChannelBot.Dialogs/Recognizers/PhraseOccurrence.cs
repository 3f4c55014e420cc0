namespace ChannelBot.Dialogs.Recognizers;

/// <summary>Where a phrase was found among content words: <see cref="Start"/> and <see cref="Length"/> in stems, and
/// how many of its words were typos.</summary>
internal readonly record struct PhraseOccurrence(int Start, int Length, int Typos)
{
    public int End => Start + Length;

    public bool Overlaps(PhraseOccurrence other) => Start < other.End && other.Start < End;
}
