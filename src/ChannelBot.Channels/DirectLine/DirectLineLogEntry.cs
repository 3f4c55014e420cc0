using ChannelBot.Schema;

namespace ChannelBot.Channels.DirectLine;

/// <summary>One slot of a conversation's log: its activity once known, and whether clients see it.</summary>
internal sealed class DirectLineLogEntry(DirectLineEntryState state)
{
    public DirectLineEntryState State { get; set; } = state;

    public Activity? Activity { get; set; }
}
