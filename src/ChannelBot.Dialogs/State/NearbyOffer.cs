namespace ChannelBot.Dialogs.State;

/// <summary>An open case nearby that the resident was offered to follow instead of filing a new report.</summary>
public sealed class NearbyOffer
{
    public string Ticket { get; set; } = "";

    public string Status { get; set; } = "received";

    public DateTimeOffset ReportedAt { get; set; }

    public string? Address { get; set; }
}
