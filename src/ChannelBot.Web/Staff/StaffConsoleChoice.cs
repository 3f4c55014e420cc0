namespace ChannelBot.Web.Staff;

/// <summary>A catalog entry the console offers in a list: its code, its English name and (for a service) its department.</summary>
public sealed record StaffConsoleChoice(string Code, string Name, string? Department = null);
