namespace ChannelBot.Application.Notifications;

/// <summary>What the policy knows about the resident one update is for (read from their case).</summary>
/// <param name="ChannelId">The channel the report came from.</param>
/// <param name="ConversationId">Their conversation id there (a phone, a PSID), or null when there is none to write to.</param>
/// <param name="ChannelReachesBack">Whether that channel can reach them days later (not web chat).</param>
/// <param name="ConsentToUpdates">Whether they asked for updates.</param>
/// <param name="Phone">The mobile number they gave (E.164), if any.</param>
/// <param name="Email">The email they gave, if any.</param>
/// <param name="UpdateChannel">The channel they chose for updates at the end of a web report (sms, whatsapp, email), if any.</param>
/// <param name="Language">Their language: templates are chosen in it.</param>
public sealed record NotificationRecipient(
    string ChannelId,
    string? ConversationId,
    bool ChannelReachesBack,
    bool ConsentToUpdates,
    string? Phone,
    string? Email,
    string? UpdateChannel,
    string Language);
