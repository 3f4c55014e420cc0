namespace ChannelBot.Dialogs.State;

/// <summary>Where the problem is: an address as written, a pin, or both.</summary>
/// <param name="Area">The area (ward) of the city the point is in, by the city's map.</param>
public sealed record LocationAnswer(string? Address, double? Latitude, double? Longitude, string? Area = null);
