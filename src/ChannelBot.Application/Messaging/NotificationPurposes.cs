namespace ChannelBot.Application.Messaging;

/// <summary>
/// Why the city writes to a resident who did not just write to it. A channel that needs pre-approved templates
/// outside a conversation window (WhatsApp) picks the template by purpose and language from its configuration.
/// </summary>
public static class NotificationPurposes
{
    /// <summary>
    /// A change to the status of the resident's report. Template variables, in this order: <c>ticket</c> (the
    /// resident's ticket number), <c>service</c> (the kind of request, in the resident's language), <c>status</c>
    /// (the new status in words, in the resident's language).
    /// </summary>
    public const string StatusUpdate = "status_update";
}
