using System.Globalization;
using System.Text;
using ChannelBot.Application.Dialogs;
using ChannelBot.Domain.Cases;
using ChannelBot.Geo;
using ChannelBot.Infrastructure.Cases;
using ChannelBot.Web.Site;
using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Public;

/// <summary>
/// <c>/requests</c>: the filters (a plain GET form), the map of the requests that match (drawn by
/// <c>wwwroot/public/requests.js</c> from the feed with the same filters; hidden without JavaScript), and the list,
/// newest first, <see cref="PageSize"/> a page, paged in SQL: the accessible alternative to the map, and all of the
/// page without JavaScript.
/// </summary>
public sealed class PublicRequestsPage(
    PublicRequestQueries queries,
    IDialogEngineSource dialogs,
    ChannelBot.Infrastructure.Geo.CityGeographySource geography,
    PublicMapFiles mapFiles,
    IOptions<PublicRequestsOptions> options,
    IOptions<SiteOptions> site,
    TimeProvider clock)
{
    public const int PageSize = 50;

    private readonly PublicRequestsOptions _options = options.Value;

    public async Task<IResult> RenderAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var definitions = dialogs.Current.Definitions;
        var language = PublicLanguage.For(http.Request);
        var text = new PublicText(definitions, language.Code);
        var filter = PublicRequestFilter.Parse(http.Request.Query, definitions.Catalog);
        var now = clock.GetUtcNow();
        var criteria = filter.Criteria(now);
        var (requests, total) = await queries.ListAsync(criteria, filter.Page, PageSize, cancellationToken);
        var map = geography.Current;
        var areas = map.Areas.Count > 0
            ? [.. map.Areas.Select(a => a.Name).Distinct().Order(StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.NumericOrdering | CompareOptions.IgnoreCase))]
            : await queries.AreasAsync(criteria.Since, cancellationToken);

        var basePath = http.Request.PathBase.Value ?? string.Empty;
        var self = basePath + "/requests";
        var e = PublicPageLayout.Html;
        var other = PublicLanguage.Supported.First(code => code != language.Code);
        var page = new StringBuilder(16 * 1024);
        PublicPageLayout.Begin(page, text, basePath, text.Format("PageTitle", text.CityName), self + filter.Query(language, filter.Page, other), other, "requests-list", text["SkipToList"], withMap: true);
        page.Append(CultureInfo.InvariantCulture, $"""
            <h1>{e.Encode(text["ListHeading"])}</h1>
            <p class="pr-intro">{e.Encode(text.Format("ListIntro", text.CityName))}</p>

            """);
        Filters(page, text, language, filter, areas, definitions.Catalog.Services.Select(s => (s.Code, s.Name.Get(language.Code, definitions.DefaultLanguage))).ToList(), self);
        Map(page, text);
        List(page, text, language, filter, requests, total, self, basePath);
        var settings = PublicMapSettings.For(mapFiles, _options, text, language, basePath, definitions.City.TimeZone) with
        {
            Feed = basePath + "/requests.geojson" + filter.Query(language, lang: language.Code),
        };
        PublicPageLayout.End(page, text, basePath, site.Value.Enabled ? basePath + "/" + (language.Explicit ? "?lang=" + language.Code : string.Empty) : null, settings);
        return PublicPageLayout.Respond(http, page, PublicRequestsOptionsValidator.TileOrigin(_options.TileUrl));
    }

    private static void Filters(StringBuilder page, PublicText text, PublicLanguage language, PublicRequestFilter filter, IReadOnlyList<string> areas, List<(string Code, string Name)> services, string self)
    {
        var e = PublicPageLayout.Html;
        page.Append(CultureInfo.InvariantCulture, $"""
            <section class="pr-filters" aria-labelledby="filters-heading">
            <h2 id="filters-heading">{e.Encode(text["FiltersHeading"])}</h2>
            <form method="get" action="{e.Encode(self)}" class="pr-filters__form">
            <div class="pr-field"><label for="filter-service">{e.Encode(text["Service"])}</label>
            <select id="filter-service" name="service">
            <option value="">{e.Encode(text["AllServices"])}</option>

            """);
        foreach (var (code, name) in services.OrderBy(s => s.Name, StringComparer.Create(text.Culture, ignoreCase: true)))
        {
            Option(page, code, name, filter.Service == code);
        }

        page.Append(CultureInfo.InvariantCulture, $"""
            </select></div>
            <div class="pr-field"><label for="filter-status">{e.Encode(text["Status"])}</label>
            <select id="filter-status" name="status">
            <option value="">{e.Encode(text["AnyStatus"])}</option>
            <optgroup label="{e.Encode(text["StatusGroups"])}">

            """);
        Option(page, PublicRequestFilter.Open, text["StatusOpen"], filter.Status == PublicRequestFilter.Open);
        Option(page, PublicRequestFilter.Closed, text["StatusClosed"], filter.Status == PublicRequestFilter.Closed);
        page.Append(CultureInfo.InvariantCulture, $"</optgroup>\n<optgroup label=\"{e.Encode(text["StatusSteps"])}\">\n");
        foreach (var step in PublicRequestFilter.Steps)
        {
            Option(page, step.ToCode(), text.Status(step), filter.Status == step.ToCode());
        }

        page.Append(CultureInfo.InvariantCulture, $"""
            </optgroup>
            </select></div>
            <div class="pr-field"><label for="filter-area">{e.Encode(text["Area"])}</label>
            <select id="filter-area" name="area">
            <option value="">{e.Encode(text["AllAreas"])}</option>

            """);
        foreach (var area in areas)
        {
            Option(page, area, area, filter.Area == area);
        }

        if (filter.Area is { } unknown && !areas.Contains(unknown))
        {
            Option(page, unknown, unknown, selected: true);
        }

        page.Append(CultureInfo.InvariantCulture, $"""
            </select></div>
            <div class="pr-field"><label for="filter-period">{e.Encode(text["Period"])}</label>
            <select id="filter-period" name="period">

            """);
        foreach (var days in PublicRequestFilter.Periods)
        {
            Option(page, days.ToString(CultureInfo.InvariantCulture), text["Period" + days.ToString(CultureInfo.InvariantCulture)], filter.Period == days);
        }

        page.Append("</select></div>\n");
        if (language.Explicit)
        {
            page.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"lang\" value=\"{e.Encode(language.Code)}\">\n");
        }

        page.Append(CultureInfo.InvariantCulture, $"""
            <div class="pr-field pr-field--buttons"><button type="submit" class="pr-button">{e.Encode(text["Apply"])}</button>
            <a class="pr-clear" href="{e.Encode(self + (language.Explicit ? "?lang=" + language.Code : string.Empty))}">{e.Encode(text["Clear"])}</a></div>
            </form>
            </section>

            """);
    }

    /// <summary>The map's place: hidden until the script has something to draw (no JavaScript: the list is the page).</summary>
    private static void Map(StringBuilder page, PublicText text)
    {
        var e = PublicPageLayout.Html;
        page.Append(CultureInfo.InvariantCulture, $"""
            <section class="pr-map-section" id="map-section" aria-labelledby="map-heading" hidden>
            <h2 id="map-heading">{e.Encode(text["MapHeading"])}</h2>
            <p class="pr-note" id="map-note">{e.Encode(text.Format("MapNote", text.Number(PublicRequestsFeed.MapLimit)))}</p>
            <a class="pr-skip-map" href="#requests-list">{e.Encode(text["SkipMap"])}</a>
            <div id="requests-map" class="pr-map" role="region" aria-label="{e.Encode(text["MapLabel"])}"></div>
            <ul class="pr-legend" aria-label="{e.Encode(text["MapLegend"])}">
            <li><span class="pr-legend__dot pr-legend__dot--open" aria-hidden="true"></span>{e.Encode(text["StatusOpen"])}</li>
            <li><span class="pr-legend__dot pr-legend__dot--closed" aria-hidden="true"></span>{e.Encode(text["StatusClosed"])}</li>
            </ul>
            <p class="pr-note" id="map-message" role="status"></p>
            </section>

            """);
    }

    private static void List(StringBuilder page, PublicText text, PublicLanguage language, PublicRequestFilter filter, IReadOnlyList<PublicRequest> requests, int total, string self, string basePath)
    {
        var e = PublicPageLayout.Html;
        var more = total > PublicRequestQueries.MaxCounted;
        var count = total switch
        {
            0 => text["CountNone"],
            1 => text["CountOne"],
            _ when more => text.Format("CountMore", text.Number(PublicRequestQueries.MaxCounted)),
            _ => text.Format("CountMany", text.Number(total)),
        };
        page.Append(CultureInfo.InvariantCulture, $"""
            <section class="pr-results" id="requests-list" aria-labelledby="results-heading" tabindex="-1">
            <h2 id="results-heading">{e.Encode(text["ResultsHeading"])}</h2>
            <p class="pr-count" id="requests-count">{e.Encode(count)}
            """);
        if (requests.Count > 0)
        {
            var first = ((filter.Page - 1) * PageSize) + 1;
            var showing = more
                ? text.Format("ShowingMore", text.Number(first), text.Number(first + requests.Count - 1), text.Number(PublicRequestQueries.MaxCounted))
                : text.Format("Showing", text.Number(first), text.Number(first + requests.Count - 1), text.Number(total));
            page.Append(CultureInfo.InvariantCulture, $" {e.Encode(showing)}");
        }

        page.Append("</p>\n");
        var feed = basePath + "/requests.geojson" + filter.Query(language);
        page.Append(CultureInfo.InvariantCulture, $"<p class=\"pr-feed\"><a href=\"{e.Encode(feed)}\" type=\"application/geo+json\">{e.Encode(text["Feed"])}</a></p>\n");
        if (requests.Count > 0)
        {
            page.Append(CultureInfo.InvariantCulture, $"""
                <div class="pr-table-wrap">
                <table class="pr-table" id="requests-table">
                <caption>{e.Encode(text.Format("ListCaption", text["Period" + filter.Period.ToString(CultureInfo.InvariantCulture)]))}</caption>
                <thead><tr><th scope="col">{e.Encode(text["Ticket"])}</th><th scope="col">{e.Encode(text["Service"])}</th><th scope="col">{e.Encode(text["Status"])}</th><th scope="col">{e.Encode(text["Reported"])}</th><th scope="col">{e.Encode(text["Place"])}</th><th scope="col">{e.Encode(text["Area"])}</th></tr></thead>
                <tbody>

                """);
            var ticketQuery = language.Explicit ? "?lang=" + language.Code : string.Empty;
            foreach (var request in requests)
            {
                var ticket = request.Ticket.ToString();
                var open = request.Status.ToOpen311Status() == Open311Status.Open;
                var place = text.Place(request.Location);
                page.Append(CultureInfo.InvariantCulture, $"""
                    <tr data-ticket="{e.Encode(ticket)}"><th scope="row"><a href="{e.Encode(basePath + "/requests/" + ticket + ticketQuery)}">{e.Encode(ticket)}</a></th><td>{e.Encode(text.Service(request.ServiceCode, request.ServiceName))}</td><td><span class="pr-status pr-status--{(open ? "open" : "closed")}">{e.Encode(text.Status(request.Status))}</span></td><td><time datetime="{request.ReportedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}">{e.Encode(text.Date(request.ReportedAt))}</time></td><td>{(place is null ? $"<span class=\"pr-muted\">{e.Encode(text["NotOnMap"])}</span>" : e.Encode(place))}</td><td>{e.Encode(request.Area ?? string.Empty)}</td></tr>

                    """);
            }

            page.Append("</tbody>\n</table>\n</div>\n");
        }

        Pager(page, text, language, filter, total, self);
        page.Append("</section>\n");
    }

    private static void Pager(StringBuilder page, PublicText text, PublicLanguage language, PublicRequestFilter filter, int total, string self)
    {
        var more = total > PublicRequestQueries.MaxCounted;
        var pages = Math.Min(PublicRequestQueries.MaxPage, (total + PageSize - 1) / PageSize);
        if (pages <= 1 && filter.Page == 1)
        {
            return;
        }

        var e = PublicPageLayout.Html;
        page.Append(CultureInfo.InvariantCulture, $"<nav class=\"pr-pager\" aria-label=\"{e.Encode(text["Pages"])}\">\n");
        if (filter.Page > 1)
        {
            var previous = Math.Min(filter.Page - 1, Math.Max(pages, 1));
            page.Append(CultureInfo.InvariantCulture, $"<a rel=\"prev\" href=\"{e.Encode(self + filter.Query(language, previous))}\">{e.Encode(text["PreviousPage"])}</a>\n");
        }

        var where = more ? text.Format("PageAlone", text.Number(filter.Page)) : text.Format("PageOf", text.Number(filter.Page), text.Number(Math.Max(pages, filter.Page)));
        page.Append(CultureInfo.InvariantCulture, $"<span aria-current=\"page\">{e.Encode(where)}</span>\n");
        if (filter.Page < pages)
        {
            page.Append(CultureInfo.InvariantCulture, $"<a rel=\"next\" href=\"{e.Encode(self + filter.Query(language, filter.Page + 1))}\">{e.Encode(text["NextPage"])}</a>\n");
        }

        page.Append("</nav>\n");
    }

    private static void Option(StringBuilder page, string value, string label, bool selected)
    {
        var e = PublicPageLayout.Html;
        page.Append(CultureInfo.InvariantCulture, $"<option value=\"{e.Encode(value)}\"{(selected ? " selected" : string.Empty)}>{e.Encode(label)}</option>\n");
    }
}
