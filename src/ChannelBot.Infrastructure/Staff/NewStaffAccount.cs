namespace ChannelBot.Infrastructure.Staff;

/// <summary>An account to create. The password is one someone else chose, so the holder must change it first.</summary>
public sealed record NewStaffAccount(string Login, string DisplayName, string Role, string? Department, string Password);
