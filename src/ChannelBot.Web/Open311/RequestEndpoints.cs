using ChannelBot.Application.Dialogs;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Open311;
using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Open311;

/// <summary>
/// GET requests (ids, or a period of at most 90 days — the last 90 by default — with services and statuses; at most
/// 1,000 newest first), GET requests/{id} and GET tokens/{token}. Never the reporter; the description only when the
/// resident agreed; every key present (empty where unknown), as mySociety's contract asks. Lists carry only cases
/// with a point (FixMyStreet and the strict contract need numeric lat/long; a case filed with words the map could not
/// place joins them once staff place it); one case asked for by its id is answered with or without one.
/// </summary>
internal static class RequestEndpoints
{
    public const int MaxRequests = 1000;

    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(90);

    public static async Task<IResult> ListAsync(HttpContext context, string format, IOptions<Open311Options> options, IDialogEngineSource dialogs, ChannelBot.Geo.CityGeography geography, Open311Queries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (call, error) = await Open311Call.StartAsync(context, format, options.Value, post: false);
        if (call is null)
        {
            return error!;
        }

        var query = context.Request.Query;
        var ids = List(query["service_request_id"]);
        var tickets = new List<TicketNumber>();
        foreach (var id in ids)
        {
            // An id that is none of ours matches nothing (an empty answer, not an error).
            if (TicketNumber.TryParse(id, out var ticket))
            {
                tickets.Add(ticket);
            }
        }

        if (ids.Count > 0 && tickets.Count == 0)
        {
            return Open311Writer.Result(Requests([], dialogs, geography), call.Format);
        }

        var now = clock.GetUtcNow();
        var from = Open311Dates.Parse(query["start_date"]);
        var to = Open311Dates.Parse(query["end_date"]);
        if ((query["start_date"].ToString().Length > 0 && from is null) || (query["end_date"].ToString().Length > 0 && to is null))
        {
            return Open311Errors.BadRequest(call.Format, "start_date and end_date are ISO 8601 datetimes with a time zone, e.g. 2026-12-01T00:00:00Z.");
        }

        var end = to ?? (from is { } f ? f + MaxPeriod : now);
        var start = from ?? end - MaxPeriod;
        if (start > end || end - start > MaxPeriod)
        {
            return Open311Errors.BadRequest(call.Format, "start_date must be before end_date, at most 90 days apart.");
        }

        var statuses = new List<CaseStatus>();
        foreach (var status in List(query["status"]))
        {
            if (Open311Statuses.Filter(status) is not { } matching)
            {
                return Open311Errors.BadRequest(call.Format, $"'{Open311Call.Cut(status)}' is not a status: use open or closed.");
            }

            statuses.AddRange(matching);
        }

        var filter = new Open311RequestFilter(tickets, List(query["service_code"]), statuses, start, end, MaxRequests, LocatedOnly: true);
        var found = await queries.RequestsAsync(filter, cancellationToken);
        return Open311Writer.Result(Requests(found, dialogs, geography), call.Format);
    }

    public static async Task<IResult> OneAsync(HttpContext context, string id, string format, IOptions<Open311Options> options, IDialogEngineSource dialogs, ChannelBot.Geo.CityGeography geography, Open311Queries queries, CancellationToken cancellationToken)
    {
        var (call, error) = await Open311Call.StartAsync(context, format, options.Value, post: false);
        if (call is null)
        {
            return error!;
        }

        var found = TicketNumber.TryParse(id, out var ticket)
            ? await queries.RequestsAsync(new Open311RequestFilter([ticket], null, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 1), cancellationToken)
            : [];
        return found.Count == 0
            ? Open311Errors.NotFound(call.Format, $"Unknown service_request_id '{Open311Call.Cut(id)}'.")
            : Open311Writer.Result(Requests(found, dialogs, geography), call.Format);
    }

    /// <summary>Requests are filed at once (type realtime), so a token is the request's own id.</summary>
    public static async Task<IResult> TokenAsync(HttpContext context, string token, string format, IOptions<Open311Options> options, Open311Queries queries, CancellationToken cancellationToken)
    {
        var (call, error) = await Open311Call.StartAsync(context, format, options.Value, post: false);
        if (call is null)
        {
            return error!;
        }

        var found = TicketNumber.TryParse(token, out var ticket)
            ? await queries.RequestsAsync(new Open311RequestFilter([ticket], null, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 1), cancellationToken)
            : [];
        return found.Count == 0
            ? Open311Errors.NotFound(call.Format, $"Unknown token '{Open311Call.Cut(token)}'.")
            : Open311Writer.Result(Open311Document.List("service_requests", "request", [new Open311Item().Add("service_request_id", found[0].Ticket).Add("token", token)]), call.Format);
    }

    public static Open311Document Requests(IReadOnlyList<Open311Case> cases, IDialogEngineSource dialogs, ChannelBot.Geo.CityGeography geography)
    {
        var engine = dialogs.Current;
        var definitions = engine.Definitions;
        var language = definitions.DefaultLanguage;
        return Open311Document.List("service_requests", "request", cases.Select(c => Request(c, definitions, language, engine.CityTimeZone, geography)));
    }

    /// <summary>One request: every key the contract requires, "" where unknown; expected_datetime only when the service promises a time.</summary>
    private static Open311Item Request(Open311Case c, ChannelBot.Dialogs.Definitions.DialogDefinitions definitions, string language, TimeZoneInfo zone, ChannelBot.Geo.CityGeography geography)
    {
        var item = new Open311Item()
            .Add("service_request_id", c.Ticket)
            .Add("status", Open311Statuses.Plain(c.Status))
            .Add("status_notes", c.StatusNote ?? string.Empty)
            .Add("service_name", c.ServiceName)
            .Add("service_code", c.ServiceCode)
            .Add("description", c.Description ?? string.Empty)
            .Add("agency_responsible", definitions.Catalog.FindDepartment(c.Department)?.Name.Get(language) ?? c.Department)
            .Add("service_notice", definitions.Catalog.Find(c.ServiceCode)?.Notice.Get(language) ?? string.Empty)
            .Add("requested_datetime", Open311Dates.Format(c.RequestedAt, zone))
            .Add("updated_datetime", Open311Dates.Format(c.UpdatedAt, zone));
        if (c.ExpectedAt is { } expected)
        {
            item.Add("expected_datetime", Open311Dates.Format(expected, zone));
        }

        return item
            .Add("address", c.Address ?? string.Empty)
            .Add("address_id", string.Empty)
            .Add("zipcode", c.Latitude is { } lat && c.Longitude is { } lon ? geography.PostcodeNear(new(lat, lon)) ?? string.Empty : string.Empty)
            .Add("lat", c.Latitude)
            .Add("long", c.Longitude)
            .Add("media_url", string.Empty);
    }

    private static List<string> List(string? commaSeparated) =>
        string.IsNullOrWhiteSpace(commaSeparated)
            ? []
            : [.. commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxRequests)];
}
