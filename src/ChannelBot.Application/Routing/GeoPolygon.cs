namespace ChannelBot.Application.Routing;

/// <summary>
/// An area as GeoJSON draws it: one or more polygons, each an outer ring with optional holes, in
/// [longitude, latitude] order (WGS84). A point on the outer ring counts as inside.
/// </summary>
public sealed class GeoPolygon
{
    private readonly IReadOnlyList<IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>>> _polygons;

    public GeoPolygon(IReadOnlyList<IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>>> polygons)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        if (polygons.Count == 0 || polygons.Any(p => p.Count == 0 || p.Any(ring => ring.Count < 4)))
        {
            throw new ArgumentException("Every polygon needs an outer ring of at least four positions (the first repeated last).", nameof(polygons));
        }

        _polygons = polygons;
    }

    public bool Contains(double latitude, double longitude) =>
        _polygons.Any(polygon => Inside(polygon[0], longitude, latitude) && !polygon.Skip(1).Any(hole => Inside(hole, longitude, latitude)));

    /// <summary>Even-odd ray casting; points on an edge count as inside.</summary>
    private static bool Inside(IReadOnlyList<(double Lon, double Lat)> ring, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if (OnSegment(xi, yi, xj, yj, x, y))
            {
                return true;
            }

            if ((yi > y) != (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static bool OnSegment(double x1, double y1, double x2, double y2, double x, double y)
    {
        const double Epsilon = 1e-12;
        var cross = ((x - x1) * (y2 - y1)) - ((y - y1) * (x2 - x1));
        return Math.Abs(cross) < Epsilon
            && x >= Math.Min(x1, x2) - Epsilon && x <= Math.Max(x1, x2) + Epsilon
            && y >= Math.Min(y1, y2) - Epsilon && y <= Math.Max(y1, y2) + Epsilon;
    }
}
