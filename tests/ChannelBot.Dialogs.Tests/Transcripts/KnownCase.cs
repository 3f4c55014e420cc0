namespace ChannelBot.Dialogs.Tests.Transcripts;

/// <summary>A case that exists before the conversation, as a status look-up finds it.</summary>
public sealed class KnownCase
{
    public string Ticket { get; set; } = string.Empty;

    public string Service { get; set; } = string.Empty;

    public string Status { get; set; } = "received";

    public string? Address { get; set; }

    public string? Note { get; set; }

    /// <summary>Where it is ([latitude, longitude]), for the open cases offered near a new report.</summary>
    public List<double>? Point { get; set; }

    /// <summary>How many days before the transcript's clock it was reported.</summary>
    public int DaysAgo { get; set; } = 3;

    /// <summary>True when the resident of the transcript reported it.</summary>
    public bool Mine { get; set; }
}
