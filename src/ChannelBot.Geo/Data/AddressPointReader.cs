using System.Globalization;
using ChannelBot.Geo.Text;

namespace ChannelBot.Geo.Data;

/// <summary>
/// Reads address points in the OpenAddresses CSV layout (LON, LAT, NUMBER, STREET, UNIT, ..., POSTCODE, ...),
/// columns found by their header names. Unit rows share their building's point:
/// one point is kept per number and street.
/// </summary>
internal static class AddressPointReader
{
    public static IEnumerable<AddressPoint> Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = Csv.Fields(reader.ReadLine() ?? throw new InvalidDataException($"{path}: empty"));
        int Column(string name) => header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        var (lon, lat, number, street, postcode) = (Column("LON"), Column("LAT"), Column("NUMBER"), Column("STREET"), Column("POSTCODE"));
        if (lon < 0 || lat < 0 || number < 0 || street < 0)
        {
            throw new InvalidDataException($"{path}: the header needs LON, LAT, NUMBER and STREET (OpenAddresses layout)");
        }

        var seen = new HashSet<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var fields = Csv.Fields(line);
            if (fields.Count <= Math.Max(Math.Max(lon, lat), Math.Max(number, street))
                || LocationText.HouseNumber(fields[number].Trim().ToLowerInvariant()) is not { } house
                || !double.TryParse(fields[lon], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(fields[lat], NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
            {
                continue;
            }

            var streetName = fields[street].Trim().ToUpperInvariant();
            if (!seen.Add((house.Text, streetName)))
            {
                continue;
            }

            yield return new AddressPoint(house.Number, house.Text, streetName, new GeoPosition(y, x),
                postcode >= 0 && postcode < fields.Count ? fields[postcode].Trim() : "");
        }
    }
}
