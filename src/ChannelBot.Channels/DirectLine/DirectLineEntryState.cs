namespace ChannelBot.Channels.DirectLine;

/// <summary>Where one slot of a conversation's log stands.</summary>
internal enum DirectLineEntryState
{
    /// <summary>Reserved for a resident's activity the inbox has not yet stored: nothing after it is visible yet.</summary>
    Pending,

    /// <summary>Delivered to clients (polls and sockets).</summary>
    Visible,

    /// <summary>Kept for the bot only (conversationUpdate: Direct Line never delivers it to the client).</summary>
    Hidden,

    /// <summary>The inbox refused it: never delivered, the slot is skipped.</summary>
    Abandoned,
}
