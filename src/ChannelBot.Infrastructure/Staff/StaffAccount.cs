namespace ChannelBot.Infrastructure.Staff;

/// <summary>What may be shown of a staff account: everything but the password hash.</summary>
public sealed record StaffAccount(
    long Id,
    string Login,
    string DisplayName,
    string Role,
    string? Department,
    bool Disabled,
    bool MustChangePassword,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt)
{
    internal static StaffAccount From(StaffAccountRecord record) => new(
        record.Id,
        record.Login,
        record.DisplayName,
        record.Role,
        record.Department,
        record.Disabled,
        record.MustChangePassword,
        record.CreatedAt,
        record.LastSignInAt);
}
