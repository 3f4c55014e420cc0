using ChannelBot.Geo.Data;

namespace ChannelBot.Geo.Resolution;

/// <summary>
/// A street named in a text (words <see cref="Start"/>..<see cref="End"/>): every street with that base name, those
/// that also fit the type and direction said (<see cref="Fitting"/>), the house number said before it, and whether it
/// is clearly meant as a street (a type, a direction, a number, "calle", or "on" before it).
/// </summary>
internal sealed record StreetMention(
    int Start,
    int End,
    IReadOnlyList<Street> Streets,
    IReadOnlyList<Street> Fitting,
    (int Number, string Text)? House,
    bool Clear,
    bool Misspelt,
    Neighbour? NeighbourRoad)
{
    /// <summary>The fitting streets, or all of that base when none fits what was said (residents mix up types).</summary>
    public IReadOnlyList<Street> Candidates => Fitting.Count > 0 ? Fitting : Streets;
}
