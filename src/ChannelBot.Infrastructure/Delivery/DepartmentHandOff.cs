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
    /// <summary>The row that delivers <paramref name="filed"/> (and its activity), or null when its department has no system to receive it (or it is a duplicate).</summary>
    public static (OutboxMessageRecord Row, Activity Activity)? For(Case filed, DepartmentDeliveryOptions options, DateTimeOffset now)
    {
        if (filed.DuplicateOf is not null || options.WebhookOf(filed.Department) is null)
        {
            return null;
        }

        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = DepartmentDelivery.CaseFiled,
            Id = DepartmentDelivery.IdempotencyKey(filed.Id, DepartmentDelivery.CaseFiled),
            ChannelId = DepartmentDelivery.WebhookChannel,
            Conversation = new ConversationAccount { Id = filed.Department },
            Timestamp = now,
            Value = JsonSerializer.SerializeToElement(Payload(filed), PayloadJson.Default.JsonObject),
        };
        var ticket = filed.Ticket.ToString();
        return (OutboxRows.Pending(DepartmentDelivery.ConversationKey(filed.Department, ticket), DepartmentDelivery.WebhookChannel, activity, now, filed.Id), activity);
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
