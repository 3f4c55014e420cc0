using ChannelBot.Geo.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace ChannelBot.Geo.Data;

/// <summary>
/// The city's geography in memory, immutable once built: streets by name and by base name, where streets meet,
/// places, areas, the city limit and the neighbours, with spatial indexes (STRtree) for "what is near this point".
/// </summary>
internal sealed class CityMap
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private readonly Dictionary<string, Street> _streets;
    private readonly Dictionary<string, List<Street>> _byBase = new(StringComparer.Ordinal);
    private readonly Dictionary<(long, long), HashSet<Street>> _junctions = [];
    private readonly Dictionary<Street, List<(long, long)>> _junctionsOf = [];
    private readonly STRtree<AddressPoint> _addressTree = new();
    private readonly STRtree<StreetSegment> _segmentTree = new();

    public CityMap(IEnumerable<Street> streets, IReadOnlyList<Place> places, IReadOnlyList<Area> areas, Geometry? boundary, IReadOnlyList<Neighbour> neighbours)
    {
        _streets = streets.ToDictionary(s => s.Name.Full, StringComparer.Ordinal);
        Places = places;
        Areas = areas;
        Boundary = boundary;
        Neighbours = neighbours;
        foreach (var street in _streets.Values)
        {
            foreach (var name in street.AltNames.Prepend(street.Name))
            {
                var list = _byBase.TryGetValue(name.BaseKey, out var l) ? l : _byBase[name.BaseKey] = [];
                if (!list.Contains(street))
                {
                    list.Add(street);
                }
            }

            foreach (var segment in street.Segments)
            {
                _segmentTree.Insert(segment.Line.EnvelopeInternal, segment);
                foreach (var end in (ReadOnlySpan<Coordinate>)[segment.Line.StartPoint.Coordinate, segment.Line.EndPoint.Coordinate])
                {
                    var key = Key(end);
                    (_junctions.TryGetValue(key, out var set) ? set : _junctions[key] = []).Add(street);
                    (_junctionsOf.TryGetValue(street, out var keys) ? keys : _junctionsOf[street] = []).Add(key);
                }
            }

            foreach (var address in street.Addresses)
            {
                _addressTree.Insert(new Envelope(address.Position.Longitude, address.Position.Longitude, address.Position.Latitude, address.Position.Latitude), address);
            }
        }

        _addressTree.Build();
        _segmentTree.Build();
        BaseKeys = [.. _byBase.Keys];
        MaxBaseWords = BaseKeys.Count == 0 ? 0 : BaseKeys.Max(k => k.Count(c => c == ' ') + 1);
        AddressCount = _streets.Values.Sum(s => s.Addresses.Count);
    }

    public IReadOnlyCollection<Street> Streets => _streets.Values;

    public IReadOnlyList<Place> Places { get; }

    public IReadOnlyList<Area> Areas { get; }

    public Geometry? Boundary { get; }

    public IReadOnlyList<Neighbour> Neighbours { get; }

    public IReadOnlyList<string> BaseKeys { get; }

    public int MaxBaseWords { get; }

    public int AddressCount { get; }

    public Street? Street(string fullName) => _streets.GetValueOrDefault(fullName);

    /// <summary>Every street whose base (or another name's base) is <paramref name="baseKey"/> ("main": N and S Main St).</summary>
    public IReadOnlyList<Street> WithBase(string baseKey) => _byBase.TryGetValue(baseKey, out var list) ? list : [];

    /// <summary>Where two streets meet: each shared vertex once.</summary>
    public IEnumerable<GeoPosition> Junctions(Street a, Street b)
    {
        if (!_junctionsOf.TryGetValue(a, out var keys))
        {
            yield break;
        }

        foreach (var key in keys.Distinct())
        {
            if (_junctions[key].Contains(b))
            {
                yield return new GeoPosition(key.Item2 / 1e7, key.Item1 / 1e7);
            }
        }
    }

    /// <summary>The streets that meet at a junction near <paramref name="position"/> (within a metre).</summary>
    public IReadOnlyCollection<Street> StreetsMeetingAt(GeoPosition position) =>
        _junctions.TryGetValue(Key(new Coordinate(position.Longitude, position.Latitude)), out var set) ? set : [];

    /// <summary>The junction of <paramref name="street"/> nearest to <paramref name="position"/> and the other streets meeting there.</summary>
    public (GeoPosition Position, IReadOnlyList<Street> Others)? NearestJunction(Street street, GeoPosition position)
    {
        if (!_junctionsOf.TryGetValue(street, out var keys))
        {
            return null;
        }

        (GeoPosition, IReadOnlyList<Street>)? best = null;
        var bestDistance = double.MaxValue;
        foreach (var key in keys)
        {
            var others = _junctions[key].Where(s => s.Name.BaseKey != street.Name.BaseKey).OrderBy(s => s.Name.Full, StringComparer.Ordinal).ToList();
            var at = new GeoPosition(key.Item2 / 1e7, key.Item1 / 1e7);
            var distance = at.MetresTo(position);
            if (others.Count > 0 && distance < bestDistance)
            {
                (best, bestDistance) = ((at, others), distance);
            }
        }

        return best;
    }

    public bool InsideCity(GeoPosition position) => Boundary is null || Boundary.Covers(Point(position));

    public Area? AreaOf(GeoPosition position) => Areas.FirstOrDefault(a => a.Shape.Covers(Point(position)));

    public Neighbour? NeighbourAt(GeoPosition position) =>
        Neighbours.FirstOrDefault(n => n.Shape is { } shape && shape.Covers(Point(position)) && n.Kind != "state")
        ?? Neighbours.FirstOrDefault(n => n.Shape is { } shape && shape.Covers(Point(position)));

    /// <summary>The address point nearest to <paramref name="position"/> within <paramref name="metres"/>.</summary>
    public AddressPoint? NearestAddress(GeoPosition position, double metres) =>
        Nearest(_addressTree, position, metres, a => a.Position.MetresTo(position));

    /// <summary>The street block nearest to <paramref name="position"/> within <paramref name="metres"/>.</summary>
    public StreetSegment? NearestSegment(GeoPosition position, double metres)
    {
        var point = Point(position);
        return Nearest(_segmentTree, position, metres, s => MetresAlong(position, s.Line.Distance(point)));
    }

    public static Point Point(GeoPosition position) => Factory.CreatePoint(new Coordinate(position.Longitude, position.Latitude));

    private static T? Nearest<T>(STRtree<T> tree, GeoPosition position, double metres, Func<T, double> distance)
        where T : class
    {
        var degreesLat = metres / 111_000.0;
        var degreesLon = degreesLat / Math.Max(0.1, Math.Cos(double.DegreesToRadians(position.Latitude)));
        var window = new Envelope(position.Longitude - degreesLon, position.Longitude + degreesLon, position.Latitude - degreesLat, position.Latitude + degreesLat);
        T? best = null;
        var bestDistance = double.MaxValue;
        foreach (var item in tree.Query(window))
        {
            var d = distance(item);
            if (d <= metres && d < bestDistance)
            {
                (best, bestDistance) = (item, d);
            }
        }

        return best;
    }

    /// <summary>A planar distance in degrees near <paramref name="at"/>, in metres (good enough within a city).</summary>
    private static double MetresAlong(GeoPosition at, double degrees) =>
        degrees * 111_000.0 * Math.Sqrt((1 + Math.Pow(Math.Cos(double.DegreesToRadians(at.Latitude)), 2)) / 2);

    private static (long, long) Key(Coordinate c) => ((long)Math.Round(c.X * 1e7), (long)Math.Round(c.Y * 1e7));
}
