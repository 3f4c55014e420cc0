using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChannelBot.Application.Delivery;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;

namespace ChannelBot.Infrastructure.Delivery;

/// <summary>
/// The delivery of a new case to its department's system, as an outbox row written in the transaction that files the
/// case (so a case is never filed without it, nor delivered without being filed). The payload (docs/department-webhook.md,
/// its JSON Schema beside it) says what the crew needs — service, place, details — and nothing about the resident:
/// staff who need to reach them use the console.
/// </summary>
internal static class DepartmentHandOff
{
    /// <summary>
    /// The rows that deliver <paramref name="filed"/> (and their activities): one per system its department has (a
    /// webhook, an Open311 work-order system), none for a duplicate. Every row carries the same payload and key.
    /// </summary>
    public static IReadOnlyList<(OutboxMessageRecord Row, Activity Activity)> For(Case filed, DepartmentDeliveryOptions options, DateTimeOffset now)
    {
        if (filed.DuplicateOf is null)
        {
            var rows = new List<(OutboxMessageRecord Row, Activity Activity)>(2);
            if (options.WebhookOf(filed.Department) is not null)
            {
                rows.Add(Row(filed, DepartmentDelivery.WebhookChannel, now));
            }

            if (options.Open311Of(filed.Department) is not null)
            {
                rows.Add(Row(filed, DepartmentDelivery.Open311Channel, now));
            }

            return rows;
        }

        return [];
    }

    private static (OutboxMessageRecord Row, Activity Activity) Row(Case filed, string channel, DateTimeOffset now)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = DepartmentDelivery.CaseFiled,
            Id = DepartmentDelivery.IdempotencyKey(filed.Id, DepartmentDelivery.CaseFiled),
            ChannelId = channel,
            Conversation = new ConversationAccount { Id = filed.Department },
            Timestamp = now,
            Value = JsonSerializer.SerializeToElement(Payload(filed), PayloadJson.Default.JsonObject),
        };
        var queue = DepartmentDelivery.ConversationKey(filed.Department, filed.Ticket.ToString(), channel);
        return (OutboxRows.Pending(queue, channel, activity, now, filed.Id), activity);
    }

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
