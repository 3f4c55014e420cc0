namespace ChannelBot.Channels.Meta;

/// <summary>
/// The Send API's <c>messaging_type</c> values this channel uses. <c>MESSAGE_TAG</c> is never sent: the
/// ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE and POST_PURCHASE_UPDATE tags are retired (Graph error 100), and
/// HUMAN_AGENT is for messages a person wrote, not the bot (channels.md §6).
/// </summary>
public static class MetaMessagingTypes
{
    /// <summary>A reply to a resident's message, inside the 24-hour window.</summary>
    public const string Response = "RESPONSE";

    /// <summary>A message we start (a case update), inside the 24-hour window.</summary>
    public const string Update = "UPDATE";

    /// <summary>Message tags Meta retired in 2026. Listed so tests can prove none is ever sent.</summary>
    public static readonly IReadOnlyList<string> RetiredTags = ["ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE"];
}
