namespace ChannelBot.Infrastructure.Photos;

/// <summary>A stored photo whose copy at the channel is still to be deleted, and when to try next.</summary>
internal sealed class MediaToRelease(string channelId, string url, string ticket, int number)
{
    public string ChannelId { get; } = channelId;

    public string Url { get; } = url;

    public string Ticket { get; } = ticket;

    public int Number { get; } = number;

    public int Attempts { get; set; }

    public DateTimeOffset NotBefore { get; set; }
}
