namespace ChannelBot.Infrastructure.Staff;

/// <summary>The one way sign-in names are compared: trimmed, case-insensitive.</summary>
public static class StaffLogins
{
    public static string Normalize(string login)
    {
        ArgumentNullException.ThrowIfNull(login);
        return login.Trim().ToUpperInvariant();
    }
}
