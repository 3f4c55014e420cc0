namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// One resident's place in line for a 311 operator (live handoff): opened by the turn that put the conversation with
/// a person, taken by an operator, ended when the conversation went back to the bot (resident's CANCEL or staff's
/// "return to bot"). At most one open row per conversation (the conversation's state says whether it is with a person).
/// </summary>
public sealed class HandoffRecord
{
    public long Id { get; set; }

    public required string ConversationKey { get; set; }

    public required string ChannelId { get; set; }

    /// <summary>The conversation's language when the resident joined the line.</summary>
    public required string Language { get; set; }

    /// <summary><c>asked</c> (the resident asked for a person) or <c>struggling</c> (failed one question twice).</summary>
    public required string Reason { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The operator's display name once one took it.</summary>
    public string? TakenBy { get; set; }

    public DateTimeOffset? TakenAt { get; set; }

    /// <summary>When the resident was told where they stand after waiting (once per wait).</summary>
    public DateTimeOffset? WaitNoticeAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary><c>resident</c> or the operator's display name.</summary>
    public string? EndedBy { get; set; }
}
