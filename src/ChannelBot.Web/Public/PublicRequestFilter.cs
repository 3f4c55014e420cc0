using System.Text;
using System.Text.Encodings.Web;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Cases;

namespace ChannelBot.Web.Public;

/// <summary>
/// The filters of <c>/requests</c>, its map and <c>/requests.geojson</c>, as plain GET query parameters (so the page
/// works without JavaScript and the map and the feed read the same ones): <c>service</c> (a catalog code, or a
/// service's name), <c>status</c> (<c>open</c>, <c>closed</c> — fixed or closed, as Open311 counts them — or one step:
/// <c>received</c>, <c>acknowledged</c>, <c>scheduled</c>, <c>in_progress</c>, <c>fixed</c>, <c>reopened</c>),
/// <c>area</c> (a ward's name), <c>period</c> (7, 30, 90 or 365 days; 30 by default) and <c>page</c>. A value the page
/// does not know is ignored, never an error.
/// </summary>
public sealed record PublicRequestFilter(string? Service, string? Status, string? Area, int Period, int Page)
{
    public const string Open = "open";
    public const string Closed = "closed";

    /// <summary>The periods offered, in days.</summary>
    public static IReadOnlyList<int> Periods { get; } = [7, 30, 90, 365];

    public const int DefaultPeriod = 30;

    /// <summary>The statuses offered one by one (closed is the <see cref="Closed"/> group: closed or fixed).</summary>
    public static IReadOnlyList<CaseStatus> Steps { get; } =
        [CaseStatus.Received, CaseStatus.Acknowledged, CaseStatus.Scheduled, CaseStatus.InProgress, CaseStatus.Fixed, CaseStatus.Reopened];

    /// <summary>A ward or area name longer than this is not a name (the column holds 200 characters).</summary>
    private const int MaxAreaLength = 200;

    public static PublicRequestFilter Parse(IQueryCollection query, ServiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        var service = Value(query, "service") is { } asked
            ? catalog.Find(asked)?.Code
              ?? catalog.Services.FirstOrDefault(s => s.Name.Values.Any(name => string.Equals(name, asked, StringComparison.OrdinalIgnoreCase)))?.Code
            : null;
        var status = Value(query, "status")?.ToLowerInvariant() is { } code && (code is Open or Closed || Steps.Any(s => s.ToCode() == code)) ? code : null;
        var area = Value(query, "area") is { Length: <= MaxAreaLength } named ? named : null;
        var period = int.TryParse(Value(query, "period"), out var days) && Periods.Contains(days) ? days : DefaultPeriod;
        var page = int.TryParse(Value(query, "page"), out var number) ? Math.Clamp(number, 1, PublicRequestQueries.MaxPage) : 1;
        return new PublicRequestFilter(service, status, area, period, page);
    }

    /// <summary>What the queries select: the period back from <paramref name="now"/>, and the statuses a status filter means.</summary>
    public PublicRequestCriteria Criteria(DateTimeOffset now) => new(now.AddDays(-Period), Service, Statuses(), Area);

    /// <summary>
    /// The query string for these filters (<c>?service=PTHOLE&amp;status=open</c>), with the page (when not the
    /// first) and the language (when the resident picked one); empty when there is nothing to say.
    /// </summary>
    public string Query(PublicLanguage language, int? page = null, string? lang = null)
    {
        ArgumentNullException.ThrowIfNull(language);
        var parts = new List<(string Name, string Value)>();
        Add(parts, "service", Service);
        Add(parts, "status", Status);
        Add(parts, "area", Area);
        Add(parts, "period", Period == DefaultPeriod ? null : Period.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "page", page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Add(parts, "lang", lang ?? (language.Explicit ? language.Code : null));
        if (parts.Count == 0)
        {
            return string.Empty;
        }

        var query = new StringBuilder();
        foreach (var (name, value) in parts)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(UrlEncoder.Default.Encode(value));
        }

        return query.ToString();
    }

    private IReadOnlyList<CaseStatus> Statuses() => Status switch
    {
        null => [],
        Open => [.. Enum.GetValues<CaseStatus>().Where(s => s.ToOpen311Status() == Open311Status.Open)],
        Closed => [.. Enum.GetValues<CaseStatus>().Where(s => s.ToOpen311Status() == Open311Status.Closed)],
        var code => [.. Enum.GetValues<CaseStatus>().Where(s => s.ToCode() == code)],
    };

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.ToString().Trim() is { Length: > 0 } value ? value : null;

    private static void Add(List<(string Name, string Value)> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add((name, value));
        }
    }
}
