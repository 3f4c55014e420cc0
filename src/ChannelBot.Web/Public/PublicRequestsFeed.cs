using System.Globalization;
using System.Text.Json;
using ChannelBot.Application.Dialogs;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Cases;
using Microsoft.AspNetCore.Http.Extensions;

namespace ChannelBot.Web.Public;

/// <summary>
/// <c>/requests.geojson</c>: the requests that match the page's filters and have a point, newest first, at most
/// <see cref="MapLimit"/>, as a GeoJSON FeatureCollection of Points (RFC 7946: longitude first). Each feature's
/// properties are public by <see cref="PublicDisclosure"/>: ticket, service code and name, status (code, words, open or
/// not), when reported and last updated (UTC), the place at block level, the area, the ticket page's address, and the
/// description only when the resident agreed. Names, status words and places are in the page's language
/// (<c>?lang=es</c>, else Accept-Language). Open data: any site may read it (CORS).
/// </summary>
public sealed class PublicRequestsFeed(PublicRequestQueries queries, IDialogEngineSource dialogs, TimeProvider clock)
{
    /// <summary>The most points on the map and in the feed.</summary>
    public const int MapLimit = 1000;

    public async Task RenderAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var definitions = dialogs.Current.Definitions;
        var language = PublicLanguage.For(http.Request);
        var text = new PublicText(definitions, language.Code);
        var filter = PublicRequestFilter.Parse(http.Request.Query, definitions.Catalog);
        var requests = await queries.MapAsync(filter.Criteria(clock.GetUtcNow()), MapLimit, cancellationToken);

        var response = http.Response;
        response.ContentType = "application/geo+json; charset=utf-8";
        response.Headers.CacheControl = "public, max-age=60";
        response.Headers.Vary = "Accept-Language";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.AccessControlAllowOrigin = "*";
        await using var json = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var request in requests)
        {
            if (request is not { Latitude: { } latitude, Longitude: { } longitude })
            {
                continue;
            }

            var ticket = request.Ticket.ToString();
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", ticket);
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(longitude);
            json.WriteNumberValue(latitude);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("ticket", ticket);
            json.WriteString("service_code", request.ServiceCode);
            json.WriteString("service_name", text.Service(request.ServiceCode, request.ServiceName));
            json.WriteString("status", request.Status.ToCode());
            json.WriteString("status_name", text.Status(request.Status));
            json.WriteBoolean("open", request.Status.ToOpen311Status() == Open311Status.Open);
            json.WriteString("reported_at", Utc(request.ReportedAt));
            json.WriteString("updated_at", Utc(request.UpdatedAt));
            WriteOrNull(json, "address", text.Place(request.Location));
            WriteOrNull(json, "area", request.Area);
            json.WriteString("url", UriHelper.BuildAbsolute(http.Request.Scheme, http.Request.Host, http.Request.PathBase, "/requests/" + ticket));
            if (request.Description is { } description)
            {
                json.WriteString("description", description);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static void WriteOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
