namespace ChannelBot.Infrastructure.Handoffs;

/// <summary>What an operator's action did.</summary>
public enum HandoffOutcome
{
    Done,

    /// <summary>No such place in line.</summary>
    NotFound,

    /// <summary>The conversation is already back with the bot (the resident said CANCEL, or another operator handed it back).</summary>
    Ended,
}
