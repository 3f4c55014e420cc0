using ChannelBot.Domain.Cases;
using ChannelBot.Domain.Common;
using ChannelBot.Geo;
using ChannelBot.Geo.Data;
using ChannelBot.Geo.Resolution;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// Where a staff member puts a case: a point (described by the nearest address, refused outside the city) or typed
/// words resolved on the city's map (refused when they name several places or none, filed as typed when the city
/// has no map). A refusal is a <see cref="DomainException"/> with what to give instead.
/// </summary>
public static class StaffPlacing
{
    /// <summary>The case's place from <paramref name="typed"/> words or a <paramref name="point"/>; a <see cref="DomainException"/> says what to give instead.</summary>
    public static CaseLocation Locate(CityGeography geography, string? typed, GeoPosition? point)
    {
        if (point is { } at)
        {
            var described = geography.Describe(at);
            if (described.Outcome == LocationOutcome.Outside)
            {
                throw new DomainException($"({at.Latitude}, {at.Longitude}) is outside the city{(described.Neighbour is { } n ? $" ({n.Name})" : string.Empty)}.");
            }

            var best = described.Best;
            return new CaseLocation(typed ?? (best?.Label is { Length: > 0 } label ? label : null), at.Latitude, at.Longitude, best?.Area);
        }

        if (typed is null)
        {
            throw new DomainException("Give an address, an intersection or a place, or a point (latitude and longitude).");
        }

        var resolved = geography.Resolve(typed);
        return resolved.Outcome switch
        {
            LocationOutcome.Found => new CaseLocation(resolved.Best!.Label, resolved.Best.Position.Latitude, resolved.Best.Position.Longitude, resolved.Best.Area),
            LocationOutcome.Choices or LocationOutcome.StreetOnly => throw new DomainException($"'{typed}' could be {string.Join("; ", resolved.Candidates.Take(5).Select(c => c.Label))}: say which."),
            LocationOutcome.Outside => throw new DomainException($"'{typed}' is outside the city{(resolved.Neighbour is { } n ? $" ({n.Name})" : string.Empty)}."),
            _ when !geography.CanResolve => new CaseLocation(typed, null, null),
            _ => throw new DomainException($"'{typed}' is not on the city's map: give a house number and street, an intersection, or a point."),
        };
    }
}
