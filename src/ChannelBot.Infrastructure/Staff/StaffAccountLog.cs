using Microsoft.Extensions.Logging;

namespace ChannelBot.Infrastructure.Staff;

/// <summary>
/// What the account store logs. Accounts are named by id only; sign-in names, passwords and tokens are never
/// logged (a name typed by mistake is often a password).
/// </summary>
internal static partial class StaffAccountLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Staff account {AccountId} signed in")]
    public static partial void SignedIn(ILogger logger, long accountId);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "A staff sign-in was refused ({Status})")]
    public static partial void SignInRefused(ILogger logger, SignInStatus status);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Staff account {AccountId} is locked until {LockedUntil} after too many wrong passwords")]
    public static partial void LockedOut(ILogger logger, long accountId, DateTimeOffset lockedUntil);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Staff account {AccountId} signed out")]
    public static partial void SignedOut(ILogger logger, long accountId);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Staff account {AccountId} created with role {Role}")]
    public static partial void Created(ILogger logger, long accountId, string role);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Staff account {AccountId} changed: {Change}; {EndedSessions} session(s) ended")]
    public static partial void Changed(ILogger logger, long accountId, string change, int endedSessions);
}
