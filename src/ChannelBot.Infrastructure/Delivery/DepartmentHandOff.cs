using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChannelBot.Application.Delivery;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;

namespace ChannelBot.Infrastructure.Delivery;

/// <summary>
/// The deliveries of a new case to its department, as outbox rows written in the transaction that files the case (so a
/// case is never filed without them, nor delivered without being filed): one row per kind of delivery the department
/// has — its system's webhook, its mailbox — each on its own channel and queue. The payload (docs/department-webhook.md,
/// its JSON Schema beside it) says what the crew needs — service, place, details — and nothing about the resident:
/// staff who need to reach them use the console. The email's row carries the same payload, the catalog's address of
/// the department and the questions' labels (docs/department-email.md); its photos are read when it is sent.
/// </summary>
internal static class DepartmentHandOff
{
    /// <summary>
    /// The rows that deliver <paramref name="filed"/> (with their activities): one per way its department receives cases
    /// (its webhook, its Open311 work-order system, its mailbox), none when it has none or the case is a duplicate.
    /// Every row carries the case's one key.
    /// </summary>
    public static IReadOnlyList<(OutboxMessageRecord Row, Activity Activity)> For(Case filed, ServiceCatalog catalog, TimeZoneInfo cityTimeZone, DepartmentDeliveryOptions options, DateTimeOffset now)
    {
        if (filed.DuplicateOf is not null)
        {
            return [];
        }

        var rows = new List<(OutboxMessageRecord Row, Activity Activity)>(3);
        var ticket = filed.Ticket.ToString();
        if (options.WebhookOf(filed.Department) is not null)
        {
            rows.Add(System(filed, DepartmentDelivery.WebhookChannel, $"Case delivered to {filed.Department}'s system (webhook)", ticket, now));
        }

        if (options.Open311Of(filed.Department) is not null)
        {
            rows.Add(System(filed, DepartmentDelivery.Open311Channel, $"Case filed in {filed.Department}'s work-order system (Open311)", ticket, now));
        }

        if (options.EmailsTo(filed.Department))
        {
            rows.Add(Email(filed, catalog, cityTimeZone, ticket, now));
        }

        return rows;
    }

    private static (OutboxMessageRecord Row, Activity Activity) System(Case filed, string channel, string text, string ticket, DateTimeOffset now)
    {
        var activity = Activity(filed, channel, Payload(filed), recipient: null, now);
        activity.Text = text;
        return (OutboxRows.Pending(DepartmentDelivery.ConversationKey(filed.Department, ticket, channel), channel, activity, now, filed.Id), activity);
    }

    /// <summary>
    /// The email's row: to the department's address in the catalog as it is now. A catalog reloaded without that address
    /// (start-up refuses one) gives a row already failed, with the reason, for staff to see on the case.
    /// </summary>
    private static (OutboxMessageRecord Row, Activity Activity) Email(Case filed, ServiceCatalog catalog, TimeZoneInfo cityTimeZone, string ticket, DateTimeOffset now)
    {
        var department = catalog.FindDepartment(filed.Department);
        var service = catalog.Find(filed.ServiceCode);
        var payload = Payload(filed);
        payload["case_id"] = filed.Id.ToString("D");
        payload["department_name"] = department?.Name.Get("en") ?? filed.Department;
        var local = TimeZoneInfo.ConvertTime(filed.CreatedAt, cityTimeZone);
        payload["created_local"] = local.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);
        if (filed.DueAt is { } due)
        {
            payload["due_local"] = TimeZoneInfo.ConvertTime(due, cityTimeZone).ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);
        }

        foreach (var attribute in payload["attributes"]!.AsArray().OfType<JsonObject>())
        {
            var code = (string?)attribute["code"];
            var question = service?.Attributes.FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.Ordinal));
            attribute["question"] = question is null ? code : (question.Label ?? question.Description).Get("en");
        }

        var address = department?.Email;
        var recipient = string.IsNullOrWhiteSpace(address) ? null : new ChannelAccount(address.Trim(), department!.Name.Get("en"));
        var activity = Activity(filed, DepartmentDelivery.EmailChannel, payload, recipient, now);
        activity.Text = recipient is null ? $"Case emailed to {filed.Department}" : $"Case emailed to {recipient.Name} <{recipient.Id}>";
        var key = DepartmentDelivery.ConversationKey(filed.Department, ticket, DepartmentDelivery.EmailChannel);
        return recipient is null
            ? (OutboxRows.NeverSent(key, DepartmentDelivery.EmailChannel, activity, now, filed.Id, $"department {filed.Department} has no email in dialogs/catalog.yaml; the case was not emailed"), activity)
            : (OutboxRows.Pending(key, DepartmentDelivery.EmailChannel, activity, now, filed.Id), activity);
    }

    private static Activity Activity(Case filed, string channel, JsonObject payload, ChannelAccount? recipient, DateTimeOffset now) => new()
    {
        Type = ActivityTypes.Event,
        Name = DepartmentDelivery.CaseFiled,
        Id = DepartmentDelivery.IdempotencyKey(filed.Id, DepartmentDelivery.CaseFiled),
        ChannelId = channel,
        Conversation = new ConversationAccount { Id = filed.Department },
        Recipient = recipient,
        Timestamp = now,
        Value = JsonSerializer.SerializeToElement(payload, PayloadJson.Default.JsonObject),
    };

    private static JsonObject Payload(Case filed) => new()
    {
        ["event"] = DepartmentDelivery.CaseFiled,
        ["idempotency_key"] = DepartmentDelivery.IdempotencyKey(filed.Id, DepartmentDelivery.CaseFiled),
        ["ticket"] = filed.Ticket.ToString(),
        ["service_code"] = filed.ServiceCode,
        ["service_name"] = filed.ServiceName,
        ["department"] = filed.Department,
        ["status"] = filed.Status.ToCode(),
        ["description"] = filed.Description,
        ["address"] = filed.Location.Address,
        ["lat"] = filed.Location.Latitude,
        ["long"] = filed.Location.Longitude,
        ["area"] = filed.Location.Area,
        ["attributes"] = new JsonArray([.. filed.Attributes.Select(a => (JsonNode)new JsonObject
        {
            ["code"] = a.Code,
            ["values"] = new JsonArray([.. a.Values.Select(v => (JsonNode?)JsonValue.Create(v))]),
            ["text"] = a.DisplayText,
        })]),
        ["channel"] = filed.ChannelId,
        ["language"] = filed.Language,
        ["created_at"] = filed.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["due_at"] = filed.DueAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };
}
