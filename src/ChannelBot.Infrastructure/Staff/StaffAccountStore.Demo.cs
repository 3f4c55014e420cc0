using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Staff;

/// <summary>The Development demo account: made once, its password renewed at every start (the caller prints it).</summary>
public sealed partial class StaffAccountStore
{
    /// <summary>
    /// Creates the account if it does not exist, else sets its password and role again and enables it; either way it
    /// may be used at once (no password change first). For the Development demo operator only: real accounts are
    /// made with <see cref="CreateAsync"/>, whose holders choose their own password.
    /// </summary>
    public async Task<StaffAccount> EnsureReadyAccountAsync(NewStaffAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var normalized = StaffLogins.Normalize(account.Login);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var record = await db.StaffAccounts.SingleOrDefaultAsync(a => a.NormalizedLogin == normalized, cancellationToken);
        if (record is null)
        {
            record = new StaffAccountRecord
            {
                Login = account.Login.Trim(),
                NormalizedLogin = normalized,
                DisplayName = account.DisplayName.Trim(),
                Role = account.Role,
                PasswordHash = string.Empty,
                CreatedAt = _clock.GetUtcNow(),
            };
            db.StaffAccounts.Add(record);
        }

        record.Role = account.Role;
        record.Department = account.Department;
        record.Disabled = false;
        record.MustChangePassword = false;
        record.PasswordHash = _hasher.HashPassword(record, account.Password);
        await db.SaveChangesAsync(cancellationToken);
        await db.StaffSignInThrottles.Where(t => t.NormalizedLogin == normalized).ExecuteDeleteAsync(cancellationToken);
        StaffAccountLog.Changed(_logger, record.Id, "demo account made ready", 0);
        return StaffAccount.From(record);
    }
}
