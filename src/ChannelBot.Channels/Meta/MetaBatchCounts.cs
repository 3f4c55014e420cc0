namespace ChannelBot.Channels.Meta;

/// <summary>What one webhook batch held, for the log.</summary>
internal sealed class MetaBatchCounts
{
    public int Entries { get; set; }

    public int Messages { get; set; }

    public int Duplicates { get; set; }

    public int Receipts { get; set; }

    public int Echoes { get; set; }

    public int Skipped { get; set; }
}
