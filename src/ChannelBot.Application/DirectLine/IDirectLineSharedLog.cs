namespace ChannelBot.Application.DirectLine;

/// <summary>
/// The Direct Line conversation log when several app instances share one database (PostgreSQL): a resident's socket or
/// poll may be on another instance than the one that accepted the post or sent the bot's reply. The log's order is the
/// order appends commit, numbered per conversation from 1 (the position, which is the watermark clients read by, kept in
/// the <see cref="StoredDirectLineActivity.Sequence"/> column); an activity id is made from a separate sequence reserved
/// atomically in blocks, so two instances never hand out the same id. Every append is announced to every instance
/// (<see cref="Appended"/>), which wakes the conversation's sockets there. Without it (SQLite: one instance) the
/// Direct Line server keeps the log's live end in memory, as before.
/// </summary>
public interface IDirectLineSharedLog
{
    /// <summary>Raised when a conversation's log grew (on any instance); null when anything may have (the listener reconnected).</summary>
    event Action<string?>? Appended;

    /// <summary>Reserves <paramref name="count"/> more activity sequences in one atomic step; returns the new high-water mark (the block ends there).</summary>
    Task<long> ReserveAsync(string conversationId, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Appends at the end of the log (the position is given here, in commit order, so a reader never sees a later
    /// position before an earlier one) and announces it. An activity with an outbox id the conversation already has is
    /// not added again: the answer is the first one's position and id.
    /// </summary>
    Task<SharedLogAppend> AppendAsync(string conversationId, string activityId, StoredDirectLineActivity activity, CancellationToken cancellationToken);

    /// <summary>Marks the conversation started; true only for the one call (on any instance) that started it.</summary>
    Task<bool> MarkStartedAsync(string conversationId, CancellationToken cancellationToken);
}
