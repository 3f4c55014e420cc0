namespace ChannelBot.Web.Public;

/// <summary>
/// What the map's script (<c>wwwroot/public/requests.js</c>) reads from the page, as a JSON data block: where the
/// requests' points come from (the feed with the page's filters, or the one point of a ticket page), which of the
/// city's layers exist, the optional tile server, and the few words it writes.
/// </summary>
public sealed record PublicMapSettings
{
    /// <summary><c>/requests.geojson</c> with the page's filters and language (the list page), or null (a ticket page).</summary>
    public string? Feed { get; init; }

    /// <summary>The one request of a ticket page: [latitude, longitude], already rounded; null on the list page.</summary>
    public IReadOnlyList<double>? Point { get; init; }

    /// <summary>Whether the ticket page's request is open (its marker's colour).</summary>
    public bool PointOpen { get; init; }

    /// <summary>The URLs of the city's own layers that exist, by name: <c>boundary</c>, <c>areas</c>, <c>streets</c>.</summary>
    public required IReadOnlyDictionary<string, string> Layers { get; init; }

    public string? TileUrl { get; init; }

    public string? TileAttribution { get; init; }

    /// <summary>The start of a ticket page's address (<c>/requests/</c>); the ticket follows.</summary>
    public required string RequestPath { get; init; }

    /// <summary>The query string a ticket link carries (<c>?lang=es</c> when the resident picked the language), or empty.</summary>
    public required string RequestQuery { get; init; }

    /// <summary>The page's language (BCP 47), for dates.</summary>
    public required string Language { get; init; }

    /// <summary>The city's time zone (IANA), for dates.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The map's own words in the page's language.</summary>
    public required IReadOnlyDictionary<string, string> Text { get; init; }

    /// <summary>The settings every map shares: the layers that exist, the tiles, the words; the caller adds the feed or the point.</summary>
    public static PublicMapSettings For(PublicMapFiles files, PublicRequestsOptions options, PublicText text, PublicLanguage language, string basePath, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);
        var tiles = string.IsNullOrWhiteSpace(options.TileUrl) ? null : options.TileUrl.Trim();
        return new PublicMapSettings
        {
            Layers = files.Urls(basePath),
            TileUrl = tiles,
            TileAttribution = tiles is null ? null : options.TileAttribution,
            RequestPath = basePath + "/requests/",
            RequestQuery = language.Explicit ? "?lang=" + language.Code : string.Empty,
            Language = text.Culture.Name,
            TimeZone = timeZone,
            Text = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["openRequest"] = text["OpenRequest"],
                ["reported"] = text["Reported"],
                ["failed"] = text["MapFailed"],
                ["empty"] = text["MapEmpty"],
                ["notOnMap"] = text["NotOnMap"],
                ["zoomIn"] = text["ZoomIn"],
                ["zoomOut"] = text["ZoomOut"],
            },
        };
    }
}
