using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using ChannelBot.Domain.Cases;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// The one place that decides what of a case is public (<c>/requests</c>, its ticket pages and <c>/requests.geojson</c>).
/// The projections below are the only columns the public pages read from the database: the ticket, the service, the
/// status, the dates, the place, the area, and the description only when the resident agreed
/// (<see cref="Case.DescriptionPublic"/>; otherwise it never leaves the database); of the history only status moves
/// with their public note. Never the reporter's name, phone, email or channel ids, the conversation, internal notes,
/// who on the staff made a change, the assignee, or photos.
/// Places are coarsened here: an address to its block ("1250 N Main St" → the 1200 block of N Main St),
/// intersections and places as the city's map names them, points to 3 decimals (about 100 m). A case without a point
/// shows no place: its location is the words the resident typed (kept for staff to place), which may say anything.
/// </summary>
public static partial class PublicDisclosure
{
    /// <summary>Decimals kept of a latitude or longitude: 3 is about 110 m north-south and 80 m east-west here.</summary>
    public const int CoordinateDecimals = 3;

    /// <summary>A case, as the public sees it (the final projection of every public query; the methods run on the rows read).</summary>
    public static Expression<Func<Case, PublicRequest>> Request { get; } = c => new PublicRequest(
        c.Ticket,
        c.ServiceCode,
        c.ServiceName,
        c.Status,
        c.CreatedAt,
        c.UpdatedAt,
        Location(c.Location.Address, c.Location.Latitude != null && c.Location.Longitude != null),
        Coordinate(c.Location.Longitude != null ? c.Location.Latitude : null),
        Coordinate(c.Location.Latitude != null ? c.Location.Longitude : null),
        c.Location.Area,
        c.DescriptionPublic ? c.Description : null);

    /// <summary>A history entry, as the public sees it: the status move and its public note only.</summary>
    public static Expression<Func<CaseStatusChange, PublicRequestUpdate>> Update { get; } = h => new PublicRequestUpdate(h.At, h.From, h.To, h.PublicNote);

    /// <summary>Which history entries are public: status moves (not assignments, recategorisations or anonymisation).</summary>
    public static Expression<Func<CaseStatusChange, bool>> PublicHistory { get; } = h => h.Kind == CaseChangeKind.Status;

    /// <summary>
    /// The place of a case at block level, or null when it is not public: no point on the map, no name left (a bare
    /// number), or text that looks like a phone number or an email. Only the first part before a comma is kept (a phone's "123 Main St, Springfield, MA"),
    /// a leading "near"/"cerca de" is dropped, an apartment or unit is cut, and a house number becomes its hundred.
    /// </summary>
    public static PublicLocation? Location(string? address, bool located)
    {
        if (!located || string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var text = address.Trim();
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            text = text[..comma];
        }

        text = Unit().Replace(Near().Replace(text, string.Empty), string.Empty).Trim();
        var number = HouseNumber().Match(text);
        var place = number.Success ? number.Groups["street"].Value.Trim() : text;
        if (!place.Any(char.IsLetter) || Personal().IsMatch(place))
        {
            return null;
        }

        return number.Success
            ? new PublicLocation((int)(long.Parse(number.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture) / 100 * 100), place)
            : new PublicLocation(null, place);
    }

    /// <summary>A latitude or longitude rounded to <see cref="CoordinateDecimals"/> decimals.</summary>
    public static double? Coordinate(double? value) =>
        value is { } v ? Math.Round(v, CoordinateDecimals, MidpointRounding.AwayFromZero) : null;

    /// <summary>A house number (digits, an optional letter, an optional range "12-14") before the street.</summary>
    [GeneratedRegex(@"^(?<number>\d{1,7})[A-Za-z]?(?:\s*[-–/]\s*\d{1,7}[A-Za-z]?)?\s+(?<street>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex HouseNumber();

    /// <summary>How the bot names a pin near an address (step.location.pinNear in dialogs/strings).</summary>
    [GeneratedRegex(@"^(?:near|cerca de)\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Near();

    /// <summary>An apartment, unit, suite, floor or room with its number or letter ("Apt 4", "Unit B", "#12"), and what follows it.</summary>
    [GeneratedRegex(@"(?:\s+(?:apt|apartment|unit|suite|ste|fl|floor|rm|room|apto|apartamento|depto|departamento|piso)\.?\s*(?:\d\w*|[a-z])\b|\s*#\s*\w+).*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Unit();

    /// <summary>An email address, or 7 or more digits in a run (a phone number), in a place's name (after its house number).</summary>
    [GeneratedRegex(@"@|\d(?:[\s().-]*\d){6,}", RegexOptions.CultureInvariant)]
    private static partial Regex Personal();
}
