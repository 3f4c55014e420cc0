namespace ChannelBot.Infrastructure.Persistence;

/// <summary>The next ticket sequence of a year. Only <see cref="TicketNumberAllocator"/> changes it.</summary>
public sealed class TicketCounter
{
    public int Year { get; set; }

    public long Next { get; set; }
}
