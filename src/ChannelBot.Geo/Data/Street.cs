using ChannelBot.Geo.Text;

namespace ChannelBot.Geo.Data;

/// <summary>
/// Every block and address of one street name ("N MAIN ST"), with the name's parts as residents may say them.
/// </summary>
internal sealed class Street(StreetName name, IReadOnlyList<StreetName> altNames)
{
    private readonly List<StreetSegment> _segments = [];
    private readonly Dictionary<string, AddressPoint> _byNumber = new(StringComparer.Ordinal);
    private AddressPoint[] _sorted = [];

    public StreetName Name { get; } = name;

    /// <summary>Other names of the same road ("STATE HWY 20" for "ROUTE 20").</summary>
    public IReadOnlyList<StreetName> AltNames { get; } = altNames;

    public IReadOnlyList<StreetSegment> Segments => _segments;

    /// <summary>The addresses along it in number order.</summary>
    public IReadOnlyList<AddressPoint> Addresses => _sorted;

    /// <summary>The label residents read ("N Main St").</summary>
    public string Label => Name.Label;

    internal void Add(StreetSegment segment) => _segments.Add(segment);

    internal void Add(AddressPoint address) => _byNumber.TryAdd(address.NumberText, address);

    internal void Seal() =>
        _sorted = [.. _byNumber.Values.OrderBy(a => a.Number).ThenBy(a => a.NumberText, StringComparer.Ordinal)];

    /// <summary>The building with exactly this number ("371A").</summary>
    public AddressPoint? Find(string numberText) => _byNumber.GetValueOrDefault(numberText);

    /// <summary>Whether some block's range holds <paramref name="number"/>.</summary>
    public bool Holds(int number) => _segments.Any(s => s.Holds(number));

    /// <summary>
    /// The existing address of the same parity nearest in number to one that does not exist, among the addresses
    /// of the block that holds it (so "the nearest" is never across town); null when no block holds the number.
    /// </summary>
    public (AddressPoint? Nearest, GeoPosition Interpolated)? Nearby(int number)
    {
        var segment = _segments.FirstOrDefault(s => s.Holds(number));
        if (segment?.Interpolate(number) is not { } interpolated)
        {
            return null;
        }

        var span = BlockSpan(segment);
        AddressPoint? best = null;
        foreach (var address in _sorted)
        {
            if (address.Number % 2 != number % 2 || address.Number < span.Low || address.Number > span.High)
            {
                continue;
            }

            if (best is null || Math.Abs(address.Number - number) < Math.Abs(best.Number - number))
            {
                best = address;
            }
        }

        return (best, interpolated);
    }

    private static (int Low, int High) BlockSpan(StreetSegment segment)
    {
        var numbers = new List<int>(4);
        foreach (var range in (ReadOnlySpan<AddressRange?>)[segment.Left, segment.Right])
        {
            if (range is { } r)
            {
                numbers.Add(r.From);
                numbers.Add(r.To);
            }
        }

        return (numbers.Min(), numbers.Max());
    }
}
