using System.Text.RegularExpressions;
using ChannelBot.Application.Dialogs;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Cases;
using ChannelBot.Infrastructure.Open311;
using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Open311;

/// <summary>
/// mySociety's servicerequestupdates. GET: the status changes of a period (at most 90 days; the last day by
/// default), oldest first, statuses in upper case as FixMyStreet writes them. POST: another system (a work-order system, FixMyStreet) says what happened to a case; the
/// status is changed through the same use case staff use, so the resident hears it on their channel. The same
/// update_id posted again, an update older than the case's last change, or a status the case already has changes
/// nothing twice; the answer is the same.
/// </summary>
internal static partial class UpdateEndpoints
{
    public const int MaxUpdates = 1000;

    public static async Task<IResult> ListAsync(HttpContext context, string format, IOptions<Open311Options> options, IDialogEngineSource dialogs, Open311Queries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (call, error) = await Open311Call.StartAsync(context, format, options.Value, post: false);
        if (call is null)
        {
            return error!;
        }

        var query = context.Request.Query;
        var from = Open311Dates.Parse(query["start_date"]);
        var to = Open311Dates.Parse(query["end_date"]);
        if ((query["start_date"].ToString().Length > 0 && from is null) || (query["end_date"].ToString().Length > 0 && to is null))
        {
            return Open311Errors.BadRequest(call.Format, "start_date and end_date are ISO 8601 datetimes with a time zone.");
        }

        var end = to ?? clock.GetUtcNow();
        var start = from ?? end - TimeSpan.FromDays(1);
        if (start > end || end - start > RequestEndpoints.MaxPeriod)
        {
            return Open311Errors.BadRequest(call.Format, "start_date must be before end_date, at most 90 days apart.");
        }

        var zone = dialogs.Current.CityTimeZone;
        var changes = await queries.UpdatesAsync(start, end, MaxUpdates, cancellationToken);
        var updates = changes.Select(c => new Open311Item()
            .Add("update_id", $"{c.Ticket}-{c.Sequence}")
            .Add("service_request_id", c.Ticket)
            .Add("status", Open311Statuses.Extended(c.Status, c.Reason).ToUpperInvariant())
            .Add("updated_datetime", Open311Dates.Format(c.At, zone))
            .Add("description", c.PublicNote ?? string.Empty)
            .Add("media_url", string.Empty));
        return Open311Writer.Result(Open311Document.List("service_request_updates", "request_update", updates), call.Format);
    }

    public static async Task<IResult> PostAsync(HttpContext context, string format, IOptions<Open311Options> options, ExternalStatusUpdates updates, CancellationToken cancellationToken)
    {
        var (call, error) = await Open311Call.StartAsync(context, format, options.Value, post: true);
        if (call is null)
        {
            return error!;
        }

        var id = call.Field("service_request_id")?.Trim() ?? string.Empty;
        var updateId = call.Field("update_id")?.Trim() ?? string.Empty;
        var status = call.Field("status")?.Trim() ?? string.Empty;
        if (!Id().IsMatch(updateId) || updateId.Length > Open311UpdateRecord.MaxIdLength)
        {
            return Open311Errors.BadRequest(call.Format, "update_id is required (letters, digits, _ and -).");
        }

        foreach (var required in new[] { "service_request_id", "update_id", "status", "updated_datetime", "description" })
        {
            if (call.Field(required) is null)
            {
                return Open311Errors.BadRequest(call.Format, $"{required} is required.");
            }
        }

        if (!Open311Statuses.IsKnown(status) || status != status.ToUpperInvariant())
        {
            return Open311Errors.BadRequest(call.Format, $"'{Open311Call.Cut(status)}' is not a status (OPEN, INVESTIGATING, ACTION_SCHEDULED, IN_PROGRESS, FIXED, CLOSED, DUPLICATE, NOT_COUNCILS_RESPONSIBILITY, NO_FURTHER_ACTION, INTERNAL_REFERRAL, REOPEN, FOR_TRIAGE).");
        }

        var updatedAt = Open311Dates.Parse(call.Field("updated_datetime"));
        if (call.Field("updated_datetime") is { Length: > 0 } && updatedAt is null)
        {
            return Open311Errors.BadRequest(call.Format, "updated_datetime is an ISO 8601 datetime with a time zone.");
        }

        if (!TicketNumber.TryParse(id, out var ticket))
        {
            return Open311Errors.NotFound(call.Format, $"Unknown service_request_id '{Open311Call.Cut(id)}'.");
        }

        var (result, reason) = await updates.ApplyAsync(call.Caller!.Name, updateId, ticket, status, updatedAt, call.Field("description"), cancellationToken);
        return result switch
        {
            ExternalUpdateResult.UnknownCase => Open311Errors.NotFound(call.Format, $"Unknown service_request_id '{Open311Call.Cut(id)}'."),
            ExternalUpdateResult.Refused => Open311Errors.BadRequest(call.Format, reason!),
            _ => Answer(call, updateId),
        };
    }

    private static IResult Answer(Open311Call call, string updateId) =>
        Open311Writer.Result(Open311Document.List("service_request_updates", "request_update", [new Open311Item().Add("update_id", updateId)]), call.Format);

    [GeneratedRegex(@"^[\w-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
