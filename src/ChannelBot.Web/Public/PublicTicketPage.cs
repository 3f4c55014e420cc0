using System.Globalization;
using System.Text;
using ChannelBot.Application.Dialogs;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Cases;
using ChannelBot.Web.Site;
using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Public;

/// <summary>
/// <c>/requests/{ticket}</c>: one request as the public sees it (<see cref="PublicDisclosure"/>): service, status, when
/// reported and updated, the place at block level and a small map of it, the area, the description if the resident
/// agreed, the status changes with the city's public notes, and how many neighbours follow it. A case closed as a
/// duplicate sends the visitor to its original; an unknown ticket answers 404 with a way back to the list.
/// </summary>
public sealed class PublicTicketPage(
    PublicRequestQueries queries,
    IDialogEngineSource dialogs,
    PublicMapFiles mapFiles,
    IOptions<PublicRequestsOptions> options,
    IOptions<SiteOptions> site)
{
    private readonly PublicRequestsOptions _options = options.Value;

    public async Task<IResult> RenderAsync(HttpContext http, string ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var definitions = dialogs.Current.Definitions;
        var language = PublicLanguage.For(http.Request);
        var text = new PublicText(definitions, language.Code);
        var basePath = http.Request.PathBase.Value ?? string.Empty;
        var langQuery = language.Explicit ? "?lang=" + language.Code : string.Empty;
        var (found, original) = TicketNumber.TryParse(ticket, out var number)
            ? await queries.GetAsync(number, cancellationToken)
            : (null, null);
        if (original is not null)
        {
            return Results.Redirect($"{basePath}/requests/{original}{langQuery}");
        }

        var other = PublicLanguage.Supported.First(code => code != language.Code);
        var e = PublicPageLayout.Html;
        var page = new StringBuilder(8 * 1024);
        var reportLink = site.Value.Enabled ? basePath + "/" + langQuery : null;
        if (found is null)
        {
            var self = $"{basePath}/requests/{Uri.EscapeDataString(ticket)}";
            PublicPageLayout.Begin(page, text, basePath, text["NotFoundTitle"], self + "?lang=" + other, other, "main", text["NotFoundTitle"], withMap: false);
            page.Append(CultureInfo.InvariantCulture, $"""
                <h1>{e.Encode(text["NotFoundTitle"])}</h1>
                <p>{e.Encode(text["NotFoundText"])}</p>
                <p><a href="{e.Encode(basePath + "/requests" + langQuery)}">{e.Encode(text["BackToList"])}</a></p>

                """);
            PublicPageLayout.End(page, text, basePath, reportLink, mapSettings: null);
            return PublicPageLayout.Respond(http, page, tileOrigin: null, StatusCodes.Status404NotFound);
        }

        var request = found.Request;
        var ticketText = request.Ticket.ToString();
        var service = text.Service(request.ServiceCode, request.ServiceName);
        var heading = text.Format("RequestHeading", service, ticketText);
        var open = request.Status.ToOpen311Status() == Open311Status.Open;
        PublicPageLayout.Begin(page, text, basePath, $"{heading} · {text.CityName} 311", $"{basePath}/requests/{ticketText}?lang={other}", other, "main", text["ListHeading"], withMap: request.Latitude is not null);
        page.Append(CultureInfo.InvariantCulture, $"""
            <p class="pr-back"><a href="{e.Encode(basePath + "/requests" + langQuery)}">{e.Encode(text["BackToList"])}</a></p>
            <h1>{e.Encode(heading)}</h1>
            <dl class="pr-facts">
            <div><dt>{e.Encode(text["Status"])}</dt><dd><span class="pr-status pr-status--{(open ? "open" : "closed")}" id="request-status">{e.Encode(text.Status(request.Status))}</span></dd></div>
            <div><dt>{e.Encode(text["Reported"])}</dt><dd>{Time(text, request.ReportedAt)}</dd></div>
            <div><dt>{e.Encode(text["Updated"])}</dt><dd>{Time(text, request.UpdatedAt)}</dd></div>
            <div><dt>{e.Encode(text["Place"])}</dt><dd id="request-place">{e.Encode(text.Place(request.Location) ?? text["NotOnMap"])}</dd></div>

            """);
        if (request.Area is { } area)
        {
            page.Append(CultureInfo.InvariantCulture, $"<div><dt>{e.Encode(text["Area"])}</dt><dd>{e.Encode(area)}</dd></div>\n");
        }

        page.Append("</dl>\n");
        if (found.Followers > 0)
        {
            var followers = found.Followers == 1 ? text["FollowersOne"] : text.Format("FollowersMany", text.Number(found.Followers));
            page.Append(CultureInfo.InvariantCulture, $"<p class=\"pr-followers\" id=\"request-followers\">{e.Encode(followers)}</p>\n");
        }

        PublicMapSettings? map = null;
        if (request is { Latitude: { } latitude, Longitude: { } longitude })
        {
            page.Append(CultureInfo.InvariantCulture, $"""
                <div id="requests-map" class="pr-map pr-map--small" role="region" aria-label="{e.Encode(text.Format("RequestMapLabel", ticketText))}" hidden></div>

                """);
            map = PublicMapSettings.For(mapFiles, _options, text, language, basePath, definitions.City.TimeZone) with
            {
                Point = [latitude, longitude],
                PointOpen = open,
            };
        }

        if (request.Description is { } description)
        {
            page.Append(CultureInfo.InvariantCulture, $"""
                <section aria-labelledby="description-heading">
                <h2 id="description-heading">{e.Encode(text["DescriptionHeading"])}</h2>
                <p class="pr-description" id="request-description">{e.Encode(description)}</p>
                </section>

                """);
        }

        page.Append(CultureInfo.InvariantCulture, $"""
            <section aria-labelledby="history-heading">
            <h2 id="history-heading">{e.Encode(text["HistoryHeading"])}</h2>
            <ol class="pr-history" id="request-history">

            """);
        foreach (var update in found.History)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li>{Time(text, update.At)}: <strong>{e.Encode(text.Status(update.To))}</strong>");
            if (update.PublicNote is { Length: > 0 } note)
            {
                page.Append(CultureInfo.InvariantCulture, $"<p class=\"pr-note-from-city\">{e.Encode(text["HistoryNote"])} {e.Encode(note)}</p>");
            }

            page.Append("</li>\n");
        }

        page.Append("</ol>\n</section>\n");
        PublicPageLayout.End(page, text, basePath, reportLink, map);
        return PublicPageLayout.Respond(http, page, map is null ? null : PublicRequestsOptionsValidator.TileOrigin(_options.TileUrl));
    }

    private static string Time(PublicText text, DateTimeOffset at) =>
        $"<time datetime=\"{at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\">{PublicPageLayout.Html.Encode(text.DateTime(at))}</time>";
}
