namespace ChannelBot.Web.Public;

/// <summary>
/// The public view of requests (section <c>PublicRequests</c>): <c>/requests</c>, a page per ticket and
/// <c>/requests.geojson</c>. By default the map loads nothing from other hosts: it draws the city's own boundary,
/// wards and streets (the <c>Geo</c> files). <see cref="TileUrl"/> adds a tile layer underneath from a tile server.
/// </summary>
public sealed class PublicRequestsOptions
{
    public const string Section = "PublicRequests";

    /// <summary>Serve the public pages and the feed. Off: <c>/requests</c> answers 404.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A tile server's URL template, e.g. <c>https://tile.example.org/{z}/{x}/{y}.png</c> (Leaflet's placeholders
    /// <c>{z}</c>, <c>{x}</c>, <c>{y}</c>, and <c>{s}</c> for subdomains). Empty: no tiles, only the city's own layers.
    /// Its origin is added to the page's Content-Security-Policy (images only).
    /// </summary>
    public string? TileUrl { get; set; }

    /// <summary>The credit the tile server's terms require, shown on the map (HTML allowed, e.g. a link); required with <see cref="TileUrl"/>.</summary>
    public string? TileAttribution { get; set; }
}
