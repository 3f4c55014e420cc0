namespace ChannelBot.Dialogs.Runtime.Handoff;

/// <summary>
/// The event activity staff's "return to bot" puts in the conversation's inbox, so the hand-back is a turn like any
/// other (ordered with the resident's messages, state saved once). A resident who sends it themselves (web chat can
/// post events) only returns to the bot, which CANCEL does too.
/// </summary>
public static class HandoffEvents
{
    public const string Ended = "channelbot/handoff-ended";
}
