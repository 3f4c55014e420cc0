namespace ChannelBot.Application.DirectLine;

/// <summary>
/// Where Direct Line (web chat) conversations and their logs are kept. The Direct Line server in ChannelBot.Channels
/// keeps the live part of each conversation in memory (sockets, waiting readers, rate limits, the tail of its log)
/// and writes through to this store, which is the truth: after a restart a client resumes with its conversation id
/// and watermark. The application's implementation is a database (ChannelBot.Infrastructure); an in-memory one
/// serves hosts without storage.
/// <para>
/// Sequences are the log's slots (the watermark is a sequence). <see cref="StoredDirectLineConversation.NextSequence"/>
/// is a high-water mark: every sequence below it may have been handed out, so none below it is ever reused (the inbox
/// knows activities by the id made from it). Only activities clients see are stored, so the log may have gaps.
/// </para>
/// </summary>
public interface IDirectLineConversationStore
{
    /// <summary>How many conversations there are.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Adds a new conversation (no activities, <see cref="StoredDirectLineConversation.NextSequence"/> as given).</summary>
    Task AddAsync(StoredDirectLineConversation conversation, CancellationToken cancellationToken);

    /// <summary>The conversation with its last <paramref name="tail"/> activities (oldest first), or null when there is none.</summary>
    Task<StoredDirectLineConversationWithTail?> FindAsync(string conversationId, int tail, CancellationToken cancellationToken);

    /// <summary>Records that a client started the conversation (the bot was told the resident joined).</summary>
    Task MarkStartedAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Raises the conversation's next sequence to <paramref name="nextSequence"/> (never lowers it).</summary>
    Task ReserveThroughAsync(string conversationId, long nextSequence, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an activity and moves the conversation's last activity time. When the activity carries an outbox id
    /// the conversation already has, nothing is added: the answer is the sequence stored the first time.
    /// </summary>
    /// <returns>The sequence the activity is stored under.</returns>
    Task<long> AppendAsync(string conversationId, StoredDirectLineActivity activity, CancellationToken cancellationToken);

    /// <summary>The first <paramref name="limit"/> stored activities with <paramref name="fromSequence"/> ≤ sequence &lt; <paramref name="toSequence"/>, in order.</summary>
    Task<IReadOnlyList<StoredDirectLineActivity>> ReadAsync(string conversationId, long fromSequence, long toSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Moves the conversation's last activity time forward to <paramref name="lastActiveAt"/> (never back).</summary>
    Task TouchAsync(string conversationId, DateTimeOffset lastActiveAt, CancellationToken cancellationToken);

    /// <summary>
    /// Counts <paramref name="files"/> uploads of <paramref name="bytes"/> against the conversation's quota, in one
    /// atomic step: false (and nothing counted) when they would take it past <paramref name="maxFiles"/> files or
    /// <paramref name="maxBytes"/> bytes in all.
    /// </summary>
    Task<bool> TryCountUploadsAsync(string conversationId, int files, long bytes, int maxFiles, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Deletes conversations (and their activities) idle since before <paramref name="idleBefore"/>; returns their ids.</summary>
    Task<IReadOnlyList<string>> DeleteIdleAsync(DateTimeOffset idleBefore, CancellationToken cancellationToken);
}
