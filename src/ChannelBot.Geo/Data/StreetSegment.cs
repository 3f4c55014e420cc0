using NetTopologySuite.Geometries;

namespace ChannelBot.Geo.Data;

/// <summary>
/// One block of a street centreline with its address ranges, read as in TIGER/Line: <c>from</c> is the number at
/// the first vertex and <c>to</c> at the last, left and right relative to the drawing direction; a side is null when no
/// number fits on it. <c>from</c> may be greater than <c>to</c>.
/// </summary>
internal sealed record StreetSegment(string Id, string Street, LineString Line, AddressRange? Left, AddressRange? Right)
{
    /// <summary>Where <paramref name="number"/> would stand on this block (on the centreline), or null when neither side holds it.</summary>
    public GeoPosition? Interpolate(int number)
    {
        foreach (var range in (ReadOnlySpan<AddressRange?>)[Left, Right])
        {
            if (range is { } r && r.Holds(number))
            {
                var fraction = r.From == r.To ? 0.5 : (number - r.From) / (double)(r.To - r.From);
                var point = new NetTopologySuite.LinearReferencing.LengthIndexedLine(Line).ExtractPoint(fraction * Line.Length);
                return new GeoPosition(point.Y, point.X);
            }
        }

        return null;
    }

    public bool Holds(int number) => Left?.Holds(number) == true || Right?.Holds(number) == true;
}

/// <summary>The numbers of one parity from <see cref="From"/> to <see cref="To"/> (either way round).</summary>
internal readonly record struct AddressRange(int From, int To)
{
    public bool Holds(int number) =>
        number >= Math.Min(From, To) && number <= Math.Max(From, To) && (number - From) % 2 == 0;
}
