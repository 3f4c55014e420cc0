using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChannelBot.Application.Dialogs;
using ChannelBot.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Site;

/// <summary>
/// The landing page <c>/</c>: the city's header and the official Web Chat widget (<c>wwwroot/lib/webchat/webchat.js</c>,
/// copied from npm by <c>ClientApp/install.sh</c>), driven by <c>wwwroot/site/chat.js</c>. Its Content-Security-Policy
/// lets the page load and connect to nothing but this app, and be framed only by the origins in
/// <c>DirectLine:AllowedOrigins</c>.
/// </summary>
public sealed class SitePage(IOptions<SiteOptions> site, IOptions<DirectLineOptions> directLine, IDialogEngineSource dialogs)
{
    /// <summary>The languages the page's own text exists in (wwwroot/site/chat.js).</summary>
    public static IReadOnlyList<string> PageLanguages { get; } = ["en", "es"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SiteOptions _site = site.Value;
    private readonly DirectLineOptions _directLine = directLine.Value;

    public IResult Render(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        var embedded = request.Query.TryGetValue("embed", out var embed) && embed.ToString() is "1" or "true";
        var basePath = request.PathBase.Value ?? string.Empty;
        var definitions = dialogs.Current.Definitions;
        var languages = definitions.Languages.Where(PageLanguages.Contains).DefaultIfEmpty("en").ToList();
        var names = PageLanguages.ToDictionary(
            language => language,
            language => string.IsNullOrWhiteSpace(_site.CityName) ? definitions.City.Name.Get(language, definitions.DefaultLanguage) : _site.CityName.Trim());
        var settings = new SitePageSettings
        {
            CityNames = names,
            Languages = languages,
            PrimaryColor = _site.PrimaryColor,
            TextOnPrimaryColor = _site.TextOnPrimaryColor,
            BotAvatarInitials = string.IsNullOrWhiteSpace(_site.BotAvatarInitials) ? null : _site.BotAvatarInitials.Trim(),
            SessionUrl = basePath + "/api/chat/session",
            Embedded = embedded,
        };

        var language = languages[0];
        var city = names[language];
        var html = HtmlEncoder.Default;
        var page = new StringBuilder(2048);
        page.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{html.Encode(language)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <meta name="theme-color" content="{html.Encode(_site.PrimaryColor)}">
            <title>{html.Encode(city)} 311</title>
            <link rel="icon" href="{html.Encode(basePath)}/site/logo.svg" type="image/svg+xml">
            <link rel="stylesheet" href="{html.Encode(basePath)}/site/site.css">
            <script type="application/json" id="channelbot-site">{JsonSerializer.Serialize(settings, Json)}</script>
            </head>
            <body class="{(embedded ? "site site--embedded" : "site")}">
            <header class="site__header">

            """);
        if (!string.IsNullOrWhiteSpace(_site.LogoUrl))
        {
            var alt = string.IsNullOrWhiteSpace(_site.LogoAltText) ? null : _site.LogoAltText.Trim();
            page.Append(CultureInfo.InvariantCulture, $"""
                <img class="site__logo" src="{html.Encode(basePath + _site.LogoUrl.Trim())}" alt="{html.Encode(alt ?? city)}"{(alt is null ? " data-alt-from-city" : string.Empty)}>

                """);
        }

        page.Append(CultureInfo.InvariantCulture, $"""
            <div class="site__titles">
            <h1 class="site__title"><span id="site-city">{html.Encode(city)}</span> 311</h1>
            <p class="site__subtitle" id="site-subtitle"></p>
            </div>
            <label class="site__language"><span id="site-language-label">Language</span>
            <select id="site-language">
            {string.Join('\n', languages.Select(code => $"<option value=\"{html.Encode(code)}\">{html.Encode(LanguageName(code))}</option>"))}
            </select>
            </label>
            </header>
            <main class="site__chat" id="webchat" role="main"></main>
            <p class="site__status" id="site-status" role="status" aria-live="polite"></p>
            <noscript><p class="site__status">Web chat needs JavaScript. You can also call 311. / El chat necesita JavaScript. También puede llamar al 311.</p></noscript>
            <script src="{html.Encode(basePath)}/lib/webchat/webchat.js"></script>
            <script src="{html.Encode(basePath)}/site/chat.js"></script>
            </body>
            </html>

            """);

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy();
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(page.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>
    /// Nothing from another host: scripts, images, styles and connections stay on this app (and its public origin,
    /// when <c>DirectLine:PublicBaseUrl</c> names one). Web Chat injects its styles at run time, hence inline styles.
    /// </summary>
    public string ContentSecurityPolicy()
    {
        var own = "'self'";
        var connect = "'self' blob:";   // Web Chat reads the files a resident picks through blob: URLs
        if (Uri.TryCreate(_directLine.PublicBaseUrl, UriKind.Absolute, out var publicBase))
        {
            var origin = publicBase.GetLeftPart(UriPartial.Authority);
            var socket = (publicBase.Scheme == Uri.UriSchemeHttps ? "wss://" : "ws://") + publicBase.Authority;
            own = $"'self' {origin}";
            connect = $"'self' {origin} {socket} blob:";
        }

        var framers = _directLine.AllowedOrigins.Select(DirectLineCors.NormalizeOrigin).OfType<string>().Distinct(StringComparer.Ordinal);
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            $"img-src {own} data: blob:",
            $"media-src {own} data: blob:",
            "font-src 'self' data:",
            $"connect-src {connect}",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            $"frame-ancestors {string.Join(' ', framers.Prepend("'self'"))}");
    }

    private static string LanguageName(string code) => code switch
    {
        "en" => "English",
        "es" => "Español",
        _ => code,
    };
}
