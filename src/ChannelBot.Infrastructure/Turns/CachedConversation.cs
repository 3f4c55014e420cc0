using ChannelBot.Dialogs.State;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// A conversation as last committed: its state JSON, its version, its stored conversation reference, the inbound
/// activity of its last turn (the next turn links its own to it), and (when this process wrote it) the state object
/// itself, so the next turn need not parse the JSON again.
/// The engine changes the state object it is given: an entry whose turn fails is dropped, never reused.
/// </summary>
internal sealed record CachedConversation(string StateJson, long Version, string? ReferenceJson, long? LastInboundId, ConversationState? State = null);
