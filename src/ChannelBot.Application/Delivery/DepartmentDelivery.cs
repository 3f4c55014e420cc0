namespace ChannelBot.Application.Delivery;

/// <summary>
/// A case handed to its department travels through the outbox like a message: on one channel id per kind of delivery
/// (the department's system by webhook, its mailbox by email), one row per case and kind, retried with the outbox's
/// schedule and shown on the case with its state.
/// </summary>
public static class DepartmentDelivery
{
    /// <summary>The outbox channel of deliveries to departments' webhooks.</summary>
    public const string WebhookChannel = "department-webhook";

    /// <summary>The outbox channel of deliveries to departments' mailboxes (the catalog's department email).</summary>
    public const string EmailChannel = "department-email";

    /// <summary>The outbox channel of deliveries to departments' Open311 (GeoReport v2) work-order systems.</summary>
    public const string Open311Channel = "department-open311";

    /// <summary>The provider id of a delivery the system accepted asynchronously: its token, until it gives the request's id.</summary>
    public const string TokenPrefix = "token:";

    /// <summary>The event a new case is delivered as.</summary>
    public const string CaseFiled = "case.filed";

    /// <summary>
    /// The key a department's system deduplicates on: the same for every try of one case's delivery (a webhook's
    /// <c>Idempotency-Key</c>; an email's <c>X-ChannelBot-Idempotency-Key</c>, and its Message-ID is made from it).
    /// </summary>
    public static string IdempotencyKey(Guid caseId, string eventName) => $"{eventName}:{caseId:N}";

    /// <summary>
    /// Each delivery its own queue, so one slow department never holds up another's cases (or its other cases), nor
    /// one of its systems (its mailbox, its webhook, its work-order system) another.
    /// </summary>
    public static string ConversationKey(string department, string ticket, string channel) => $"{ConversationKeyPrefix(department)}{ticket}/{channel}";

    /// <summary>What the keys of every delivery to <paramref name="department"/> begin with.</summary>
    public static string ConversationKeyPrefix(string department) => $"departments/{department}/";
}
