namespace ChannelBot.Infrastructure.Staff;

/// <summary>How a sign-in ended.</summary>
public enum SignInStatus
{
    SignedIn,

    /// <summary>Unknown name or wrong password: the two are never told apart.</summary>
    Refused,

    /// <summary>Too many wrong passwords for this name: try again after <see cref="SignInOutcome.RetryAfter"/>.</summary>
    LockedOut,

    /// <summary>The right password for an account an admin disabled.</summary>
    Disabled,
}
