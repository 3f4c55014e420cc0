namespace ChannelBot.Infrastructure.Staff;

/// <summary>How a change to an account ended.</summary>
public enum StaffAccountChange
{
    Changed,
    NotFound,

    /// <summary>Another account already signs in with this name.</summary>
    LoginTaken,

    /// <summary>The current password given with a change of password is not right.</summary>
    WrongPassword,
}
