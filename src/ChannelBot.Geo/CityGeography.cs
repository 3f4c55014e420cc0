using ChannelBot.Geo.Data;
using ChannelBot.Geo.Resolution;

namespace ChannelBot.Geo;

/// <summary>
/// The city's geography, loaded once from its open-data files and immutable: resolves what residents type into
/// places (<see cref="Resolve"/>), says where a pin is (<see cref="Describe"/>), and which area and jurisdiction a
/// point is in. Safe to share between threads.
/// </summary>
public sealed class CityGeography
{
    /// <summary>Pins this close to an address are "near" it.</summary>
    private const double AddressReachMetres = 60;

    /// <summary>Pins this close to a street are "on" it.</summary>
    private const double StreetReachMetres = 150;

    private readonly CityMap _map;
    private readonly LocationResolver _resolver;

    private CityGeography(CityMap map)
    {
        _map = map;
        _resolver = new LocationResolver(map);
    }

    /// <summary>A city without geography data: nothing resolves, every point is inside, no areas.</summary>
    public static CityGeography Empty { get; } = new(new CityMap([], [], [], null, []));

    public static CityGeography Load(CityFiles files) => new(CityMapLoader.Load(files));

    public int AddressCount => _map.AddressCount;

    public int StreetCount => _map.Streets.Count;

    public IReadOnlyList<Area> Areas => _map.Areas;

    public IReadOnlyList<Place> Places => _map.Places;

    /// <summary>Whether the city has any address or street data to resolve against.</summary>
    public bool CanResolve => _map.Streets.Count > 0 || _map.Places.Count > 0;

    /// <summary>What a resident typed as a location (at most the first 300 characters are read).</summary>
    public LocationResolution Resolve(string text) => _resolver.Resolve(text);

    /// <summary>Where a pin is: the nearest address or street, its area, or the neighbour whose land it is on.</summary>
    public LocationResolution Describe(GeoPosition pin)
    {
        if (!_map.InsideCity(pin))
        {
            return new LocationResolution(LocationOutcome.Outside, [], _map.NeighbourAt(pin));
        }

        var area = _map.AreaOf(pin)?.Name;
        if (_map.NearestAddress(pin, AddressReachMetres) is { } address && _map.Street(address.Street) is { } street)
        {
            var cross = _map.NearestJunction(street, pin)?.Others[0].Label;
            return Found(new ResolvedLocation($"{address.NumberText} {street.Label}", pin, LocationPrecision.NearAddress, cross, area, street.Name.Full));
        }

        if (_map.NearestSegment(pin, StreetReachMetres) is { } segment && _map.Street(segment.Street) is { } onStreet)
        {
            var cross = _map.NearestJunction(onStreet, pin)?.Others[0].Label;
            return Found(new ResolvedLocation(onStreet.Label, pin, LocationPrecision.Street, cross, area, onStreet.Name.Full));
        }

        return Found(new ResolvedLocation("", pin, LocationPrecision.Street, null, area, null));
    }

    /// <summary>The postcode (ZIP) of the address nearest to a point, within the reach of a pin; null when none is near.</summary>
    public string? PostcodeNear(GeoPosition position) =>
        _map.NearestAddress(position, AddressReachMetres) is { Postcode.Length: > 0 } address ? address.Postcode : null;

    /// <summary>Whether a point is inside the city limit (always, when the city has no boundary file).</summary>
    public bool IsInside(GeoPosition position) => _map.InsideCity(position);

    /// <summary>The area (ward) a point is in, or null.</summary>
    public Area? AreaOf(GeoPosition position) => _map.AreaOf(position);

    private static LocationResolution Found(ResolvedLocation location) => new(LocationOutcome.Found, [location]);
}
