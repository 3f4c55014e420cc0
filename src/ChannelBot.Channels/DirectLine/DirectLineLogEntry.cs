using ChannelBot.Schema;

namespace ChannelBot.Channels.DirectLine;

/// <summary>One slot of a conversation's log held in memory: its sequence, its activity once known, and whether clients see it.</summary>
internal sealed class DirectLineLogEntry(long sequence, DirectLineEntryState state)
{
    public long Sequence { get; } = sequence;

    public DirectLineEntryState State { get; set; } = state;

    public Activity? Activity { get; set; }

    /// <summary>The activity's size as stored (its JSON), counted against the conversation's cache budget.</summary>
    public long Bytes { get; set; }
}
