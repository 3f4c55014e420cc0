namespace ChannelBot.Dialogs.Notifications;

/// <summary>What the receipt of a filed report says: its ticket, the kind of request and the place as the resident gave it.</summary>
/// <param name="Address">The address or description of the place the resident gave, if any.</param>
/// <param name="Latitude">The pin, when there was one and no address.</param>
public sealed record CaseReceiptNotice(
    string Ticket,
    string ServiceCode,
    string? Address,
    double? Latitude,
    double? Longitude,
    string Language);
