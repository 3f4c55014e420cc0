namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// The answer to "status 311-…". The reporter (same channel identity) hears the details; anyone else only the
/// public status and the kind of request.
/// </summary>
internal static class StatusText
{
    public static string For(Turn turn, CaseLookup lookup)
    {
        if (!lookup.Found)
        {
            return turn.T("status.notFound", ("ticket", lookup.Ticket));
        }

        var service = turn.Definitions.Catalog.Find(lookup.ServiceCode);
        var serviceName = service is null ? lookup.ServiceCode ?? string.Empty : turn.Localized(service.Name);
        var status = turn.T("status." + (lookup.Status ?? "received"));
        if (!lookup.IsReporter)
        {
            return turn.T("status.public", ("ticket", lookup.Ticket), ("service", serviceName), ("status", status));
        }

        var updated = lookup.UpdatedAt is { } at
            ? TimeZoneInfo.ConvertTime(at, turn.Resources.CityTimeZone).ToString("d MMM", turn.Culture)
            : string.Empty;
        var text = turn.T(
            "status.reporter",
            ("ticket", lookup.Ticket),
            ("service", serviceName),
            ("status", status),
            ("address", lookup.Address ?? string.Empty),
            ("updated", updated));
        return lookup.PublicNote is { Length: > 0 } note ? text + " " + turn.T("status.note", ("note", note)) : text;
    }
}
