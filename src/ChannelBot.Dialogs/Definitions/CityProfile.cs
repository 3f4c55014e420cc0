namespace ChannelBot.Dialogs.Definitions;

/// <summary>Facts about the city that the bot's text refers to (<c>dialogs/city.yaml</c>).</summary>
public sealed class CityProfile
{
    public required LocalizedText Name { get; init; }

    /// <summary>The number a person can call, as residents should read it, the same in every language (e.g. "311 / (555) 555-0311").</summary>
    public required string Phone { get; init; }

    public string EmergencyNumber { get; init; } = "911";

    public string? Website { get; init; }

    /// <summary>IANA time zone of the city (e.g. America/New_York).</summary>
    public string TimeZone { get; init; } = "America/New_York";

    /// <summary>Ticket numbers read <c>{prefix}-{year}-{sequence}</c>, e.g. 311-2026-000123.</summary>
    public string TicketPrefix { get; init; } = "311";

    /// <summary>
    /// When operators answer chats ("agent" puts the resident in line then); empty: never, and "agent" gives the
    /// phone number.
    /// </summary>
    public IReadOnlyList<StaffedHours> StaffedHours { get; init; } = [];
}
