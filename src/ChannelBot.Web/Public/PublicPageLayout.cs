using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ChannelBot.Web.Public;

/// <summary>
/// What every public page shares: the head (styles, no inline script or style), the header with the city's name and
/// the other language, the landmarks (banner, main, contentinfo) and a skip link, the footer, and the response headers:
/// a Content-Security-Policy that loads scripts, styles, data and images only from this app (and, when set, images
/// from the tile server), no framing by other sites, no referrer.
/// </summary>
internal static class PublicPageLayout
{
    /// <summary>Encodes for HTML text and attributes; letters of any script are written as they are.</summary>
    public static HtmlEncoder Html { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="otherLanguage">This page's address in the other language.</param>
    /// <param name="skipTo">The id the skip link jumps to.</param>
    public static void Begin(StringBuilder page, PublicText text, string basePath, string title, string otherLanguage, string otherLanguageCode, string skipTo, string skipText, bool withMap)
    {
        var e = Html;
        page.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{e.Encode(text.Language)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{e.Encode(title)}</title>

            """);
        if (withMap)
        {
            page.Append(CultureInfo.InvariantCulture, $"<link rel=\"stylesheet\" href=\"{e.Encode(basePath)}/lib/leaflet/leaflet.css\">\n");
        }

        page.Append(CultureInfo.InvariantCulture, $"""
            <link rel="stylesheet" href="{e.Encode(basePath)}/public/requests.css">
            <link rel="alternate" hreflang="{e.Encode(otherLanguageCode)}" href="{e.Encode(otherLanguage)}">
            </head>
            <body class="pr">
            <a class="pr-skip" href="#{e.Encode(skipTo)}">{e.Encode(skipText)}</a>
            <header class="pr-header">
            <p class="pr-header__city"><a href="{e.Encode(basePath)}/requests{(text.Language == PublicLanguage.Supported[0] ? string.Empty : "?lang=" + e.Encode(text.Language))}">{e.Encode(text.CityName)} 311</a></p>
            <nav class="pr-header__language" aria-label="{e.Encode(text["Language"])}">
            <a href="{e.Encode(otherLanguage)}" lang="{e.Encode(otherLanguageCode)}" hreflang="{e.Encode(otherLanguageCode)}">{e.Encode(LanguageName(otherLanguageCode))}</a>
            </nav>
            </header>
            <main id="main" class="pr-main">

            """);
    }

    /// <param name="reportLink">The residents' page to report a problem (<c>/</c>), when it is on.</param>
    /// <param name="mapSettings">The map's settings (read by wwwroot/public/requests.js); null: no map, no script.</param>
    public static void End(StringBuilder page, PublicText text, string basePath, string? reportLink, object? mapSettings)
    {
        var e = Html;
        page.Append("</main>\n<footer class=\"pr-footer\">\n");
        page.Append(CultureInfo.InvariantCulture, $"<p>{e.Encode(text["FooterPrivacy"])}</p>\n");
        if (reportLink is not null)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{e.Encode(reportLink)}\">{e.Encode(text["ReportProblem"])}</a></p>\n");
        }

        page.Append("</footer>\n");
        if (mapSettings is not null)
        {
            // Data, not a script: the default JSON encoder writes <, > and & as \u003C..., so nothing closes the element.
            page.Append(CultureInfo.InvariantCulture, $"""
                <script type="application/json" id="pr-map-settings">{JsonSerializer.Serialize(mapSettings, Json)}</script>
                <script src="{e.Encode(basePath)}/lib/leaflet/leaflet.js"></script>
                <script src="{e.Encode(basePath)}/public/requests.js"></script>

                """);
        }

        page.Append("</body>\n</html>\n");
    }

    /// <summary>The page with its headers; <paramref name="tileOrigin"/> is the tile server's origin when tiles are on.</summary>
    public static IResult Respond(HttpContext http, StringBuilder page, string? tileOrigin, int statusCode = StatusCodes.Status200OK)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(tileOrigin);
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers.Vary = "Accept-Language";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    /// <summary>Nothing from another host, except map tiles when a tile server is configured; no inline script or style.</summary>
    public static string ContentSecurityPolicy(string? tileOrigin) =>
        "default-src 'none'; script-src 'self'; style-src 'self'; "
        + $"img-src 'self' data:{(tileOrigin is null ? string.Empty : " " + tileOrigin)}; "
        + "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'; object-src 'none'";

    public static string LanguageName(string code) => code switch
    {
        "en" => "English",
        "es" => "Español",
        _ => code,
    };
}
