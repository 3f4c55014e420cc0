namespace ChannelBot.Dialogs.Recognizers;

/// <summary>A phrase found in a message: which service, which content words, how many points, from what.</summary>
internal readonly record struct KeywordMatch(int Service, int Start, int Length, double Points, KeywordSource Source)
{
    public bool Overlaps(KeywordMatch other) => Start < other.Start + other.Length && other.Start < Start + Length;
}
