namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// The score scale of <see cref="ChoiceMatch.Score"/>, highest first:
/// <list type="bullet">
/// <item>1.0 — the whole reply is a title or synonym, or a position ("2", "second", "last").</item>
/// <item>0.8 — a position word with a typo ("secnd").</item>
/// <item>0.7–0.95 — a title or synonym inside a longer reply, more when it makes up more of the reply's words
/// (×0.9 with typos).</item>
/// <item>0.3–0.6 — some words of a multi-word title, only when they make up at least half the reply's words.</item>
/// </list>
/// Two options with the same best score are a tie: nothing is picked.
/// </summary>
public static class ChoiceScores
{
    public const double Exact = 1.0;
    public const double PositionWithTypo = 0.8;
    public const double ContainedBase = 0.7;
    public const double ContainedRange = 0.25;
    public const double TypoFactor = 0.9;
    public const double PartialBase = 0.3;
    public const double PartialRange = 0.3;

    /// <summary>A partial match must explain at least this share of the reply's content words.</summary>
    public const double PartialMinimumCoverage = 0.5;

    /// <summary>What a word matched with a typo counts, against 1 for an exact word.</summary>
    public const double TypoWordWeight = 0.75;

    public const double TieTolerance = 1e-9;
}
