namespace ChannelBot.Infrastructure.Persistence;

/// <summary>Where an outbound message stands. Stored as its name.</summary>
public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}
