namespace ChannelBot.Dialogs.State;

/// <summary>Where the problem is: an address as written, a pin, or both.</summary>
public sealed record LocationAnswer(string? Address, double? Latitude, double? Longitude);
