namespace ChannelBot.Application.Delivery;

/// <summary>
/// A case handed to its department's system travels through the outbox like a message: on this channel id, one row
/// per case and department, retried with the outbox's schedule and shown on the case with its state.
/// </summary>
public static class DepartmentDelivery
{
    /// <summary>The outbox channel of deliveries to departments' webhooks.</summary>
    public const string WebhookChannel = "department-webhook";

    /// <summary>The event a new case is delivered as.</summary>
    public const string CaseFiled = "case.filed";

    /// <summary>The key a department's system deduplicates on: the same for every try of one case's delivery.</summary>
    public static string IdempotencyKey(Guid caseId, string eventName) => $"{eventName}:{caseId:N}";

    /// <summary>Each delivery its own queue, so one slow department never holds up another's cases (or its other cases).</summary>
    public static string ConversationKey(string department, string ticket) => $"departments/{department}/{ticket}";
}
