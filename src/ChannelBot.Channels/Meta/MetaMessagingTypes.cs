namespace ChannelBot.Channels.Meta;

/// <summary>
/// The Send API's <c>messaging_type</c> values this channel uses. <c>MESSAGE_TAG</c> is never sent: the
/// ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE and POST_PURCHASE_UPDATE tags are retired (Graph error 100), and
/// HUMAN_AGENT is for messages a person wrote, not the bot (channels.md §6).
/// </summary>
public static class MetaMessagingTypes
{
    /// <summary>Every message inside the 24-hour standard messaging window, replies and case updates alike.</summary>
    public const string Response = "RESPONSE";

    /// <summary>A message a business starts inside the window. No longer sent (everything in the window goes as <see cref="Response"/>); still a value the Send API accepts.</summary>
    public const string Update = "UPDATE";

    /// <summary>A utility message template outside the window (<c>message.template</c>).</summary>
    public const string Utility = "UTILITY";

    /// <summary>Message tags Meta retired in 2026. Listed so tests can prove none is ever sent.</summary>
    public static readonly IReadOnlyList<string> RetiredTags = ["ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE"];
}
