using System.Collections.Concurrent;
using System.Security.Cryptography;
using ChannelBot.Application.DirectLine;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// The live Direct Line conversations of this process over the <see cref="IDirectLineConversationStore"/>: a
/// conversation is loaded (with the tail of its log) the first time a request names it — after a restart too — and
/// stays until the janitor drops it. Bounded by <see cref="DirectLineOptions.MaxConversations"/> stored at once, each
/// kept for <see cref="DirectLineOptions.ConversationIdleTimeout"/> without activity.
/// <para>
/// Alone (SQLite), this process owns a conversation's log: the live object hands out its sequences and wakes its
/// readers. With an <see cref="IDirectLineSharedLog"/> (PostgreSQL, several instances) the log is the store's, read by
/// position; an append on any instance wakes the conversation's readers here.
/// </para>
/// </summary>
public sealed class DirectLineConversations
{
    /// <summary>The longest conversation id looked up (ours are 22 characters).</summary>
    public const int MaxIdLength = 64;

    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly ConcurrentDictionary<string, Lazy<Task<DirectLineConversation?>>> _live = new(StringComparer.Ordinal);
    private readonly IDirectLineConversationStore _store;
    private readonly IDirectLineSharedLog? _shared;
    private readonly DirectLineOptions _options;

    public DirectLineConversations(IDirectLineConversationStore store, IOptions<DirectLineOptions> options, IDirectLineSharedLog? shared = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _shared = shared;
        if (shared is not null)
        {
            shared.Appended += Wake;
        }
    }

    /// <summary>True when the log is shared with other instances (PostgreSQL).</summary>
    public bool Shared => _shared is not null;

    /// <summary>A new conversation for the user, stored; or null when the store holds as many as it may.</summary>
    public async Task<DirectLineConversation?> CreateAsync(string userId, string? userName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (await _store.CountAsync(cancellationToken).ConfigureAwait(false) >= _options.MaxConversations)
        {
            return null;
        }

        var stored = new StoredDirectLineConversation(RandomNumberGenerator.GetString(IdAlphabet, 22), userId, userName, now, now, 0, Started: false);
        await _store.AddAsync(stored, cancellationToken).ConfigureAwait(false);
        var conversation = Live(stored, []);
        _live[conversation.Id] = new Lazy<Task<DirectLineConversation?>>(Task.FromResult<DirectLineConversation?>(conversation));
        return conversation;
    }

    /// <summary>The conversation, loaded from the store if this process has not seen it yet; null when there is none.</summary>
    public async Task<DirectLineConversation?> FindAsync(string? conversationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(conversationId) || conversationId.Length > MaxIdLength)
        {
            return null;
        }

        var loading = _live.GetOrAdd(conversationId, id => new Lazy<Task<DirectLineConversation?>>(() => LoadAsync(id)));
        DirectLineConversation? conversation;
        try
        {
            conversation = await loading.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (loading.Value.IsFaulted)
        {
            _live.TryRemove(KeyValuePair.Create(conversationId, loading));
            throw;
        }

        if (conversation is null)
        {
            _live.TryRemove(KeyValuePair.Create(conversationId, loading));
        }

        return conversation;
    }

    /// <summary>
    /// Deletes conversations idle since before <paramref name="idleBefore"/> from the store (after writing the last
    /// read times of the live ones) and drops the live ones among them: their sockets close. Returns how many.
    /// </summary>
    public async Task<int> DropIdleAsync(DateTimeOffset idleBefore, CancellationToken cancellationToken)
    {
        foreach (var (_, loading) in _live)
        {
            if (loading.IsValueCreated && loading.Value.IsCompletedSuccessfully && loading.Value.Result is { } live && live.LastActivity >= idleBefore)
            {
                await live.SaveLastActivityAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var deleted = await _store.DeleteIdleAsync(idleBefore, cancellationToken).ConfigureAwait(false);
        foreach (var id in deleted)
        {
            if (_live.TryRemove(id, out var loading) && loading.IsValueCreated && loading.Value.IsCompletedSuccessfully)
            {
                loading.Value.Result?.Drop();
            }
        }

        return deleted.Count;
    }

    private async Task<DirectLineConversation?> LoadAsync(string conversationId)
    {
        // Shared by every request waiting on it: none of their tokens may cancel it.
        var stored = await _store.FindAsync(conversationId, _shared is null ? _options.CachedActivitiesPerConversation : 0, CancellationToken.None).ConfigureAwait(false);
        return stored is null ? null : Live(stored.Conversation, stored.Tail);
    }

    /// <summary>
    /// Lets go from memory the live conversations nothing has used since <paramref name="before"/> (no socket, no
    /// pending post, no request), after writing their last read time; the next request that names one loads it again
    /// from the store. Keeps memory to the conversations in use, not the ones stored. Returns how many.
    /// </summary>
    public async Task<int> UnloadInactiveAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var unloaded = 0;
        foreach (var (id, loading) in _live)
        {
            if (loading.IsValueCreated && loading.Value.IsCompletedSuccessfully && loading.Value.Result is { } live && live.IsInactiveSince(before))
            {
                await live.SaveLastActivityAsync(cancellationToken).ConfigureAwait(false);
                if (live.IsInactiveSince(before) && _live.TryRemove(KeyValuePair.Create(id, loading)))
                {
                    unloaded++;
                }
            }
        }

        return unloaded;
    }

    /// <summary>Conversations held in memory now.</summary>
    public int LiveCount => _live.Count;

    private DirectLineConversation Live(StoredDirectLineConversation stored, IReadOnlyList<StoredDirectLineActivity> tail) =>
        new(_store, stored, tail, _options.CachedActivitiesPerConversation, new DirectLineRateBucket(_options.PostBurst, _options.PostsPerMinute, stored.LastActiveAt), _options.CachedBytesPerConversation, _shared);

    /// <summary>The shared log grew: wakes the conversation's readers here if it is live (all of them for null).</summary>
    private void Wake(string? conversationId)
    {
        if (conversationId is null)
        {
            foreach (var (_, loading) in _live)
            {
                WakeLoaded(loading);
            }
        }
        else if (conversationId.Length <= MaxIdLength && _live.TryGetValue(conversationId, out var loading))
        {
            WakeLoaded(loading);
        }
    }

    private static void WakeLoaded(Lazy<Task<DirectLineConversation?>> loading)
    {
        if (loading.IsValueCreated && loading.Value.IsCompletedSuccessfully)
        {
            loading.Value.Result?.Wake();
        }
    }
}
