namespace ChannelBot.Dialogs.Runtime;

/// <summary>An open case near a new report (<see cref="FindNearbyCases"/>): what the resident is told about it.</summary>
/// <param name="Status">The status code (received, acknowledged, scheduled, in_progress, reopened).</param>
public sealed record NearbyCase(string Ticket, string Status, DateTimeOffset ReportedAt, string? Address, double DistanceMetres);
