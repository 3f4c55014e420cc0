namespace ChannelBot.Infrastructure.Staff;

/// <summary>A live session: whose it is, the CSRF token its mutating calls must repeat, and when it ends.</summary>
public sealed record StaffSession(long Id, StaffAccount Account, string CsrfToken, DateTimeOffset ExpiresAt);
