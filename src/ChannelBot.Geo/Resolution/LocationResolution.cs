using ChannelBot.Geo.Data;

namespace ChannelBot.Geo.Resolution;

/// <summary>What a text or a pin came to.</summary>
public enum LocationOutcome
{
    /// <summary>One place: confirm it with the resident.</summary>
    Found,

    /// <summary>Several places fit equally: let the resident choose.</summary>
    Choices,

    /// <summary>A street without a number or cross street (<see cref="LocationResolution.Streets"/>): ask which part of it.</summary>
    StreetOnly,

    /// <summary>Nothing in the city fits: keep the words, ask for a cross street or a pin, file anyway.</summary>
    NotFound,

    /// <summary>Outside the city limit (<see cref="LocationResolution.Neighbour"/> says whose it is when known).</summary>
    Outside,
}

/// <summary>How exact a resolved place is.</summary>
public enum LocationPrecision
{
    Address,

    /// <summary>The number said does not exist; this is the nearest one on the same street and side.</summary>
    NearAddress,

    Intersection,
    Place,
    Street,
}

/// <summary>One place a location text may mean.</summary>
/// <param name="Label">As residents read it: "1518 N Main St", "Oak Ave & W 5th St", "Lincoln Park".</param>
/// <param name="CrossStreet">For an address, the nearest street crossing its own ("E 15th St").</param>
/// <param name="Area">The area (ward) it is in, when the city has areas.</param>
/// <param name="Street">The street it is on (for an address), for routing and duplicates.</param>
public sealed record ResolvedLocation(string Label, GeoPosition Position, LocationPrecision Precision, string? CrossStreet, string? Area, string? Street);

/// <summary>The outcome of resolving a location, with the candidates it found.</summary>
public sealed record LocationResolution(
    LocationOutcome Outcome,
    IReadOnlyList<ResolvedLocation> Candidates,
    Neighbour? Neighbour = null,
    IReadOnlyList<string>? Streets = null)
{
    public static LocationResolution NotFound { get; } = new(LocationOutcome.NotFound, []);

    /// <summary>The one place, when <see cref="Outcome"/> is <see cref="LocationOutcome.Found"/>.</summary>
    public ResolvedLocation? Best => Outcome == LocationOutcome.Found ? Candidates[0] : null;
}
