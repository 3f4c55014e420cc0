using ChannelBot.Application.Conversations;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>One turn of a batch on its way to the commit.</summary>
/// <param name="Before">The conversation as last committed; null for a new conversation.</param>
/// <param name="result">What the engine produced; a turn that writes a case waits for that write until the transaction.</param>
internal sealed class Turn(InboundWork work, CachedConversation? before, ConversationTurnResult result)
{
    public InboundWork Work { get; } = work;

    public CachedConversation? Before { get; } = before;

    public ConversationTurnResult Result { get; set; } = result;

    public Guid? CaseId { get; set; }

    /// <summary>The new state, serialized.</summary>
    public string? StateJson { get; set; }

    public bool IsMessage { get; set; }

    /// <summary>The new conversation reference, serialized; null when it is unchanged (or the activity is no message).</summary>
    public string? ReferenceJson { get; set; }
}
