using ChannelBot.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Staff;

/// <summary>
/// Staff accounts and their sessions: sign-in with lockout, the session behind each cookie, and the admin's
/// changes. Passwords are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>; a session token
/// is stored only as its SHA-256 hash. Disabling an account or resetting its password ends its sessions at once.
/// <para>
/// Lockout is per account and client network (<see cref="StaffSignInThrottleRecord"/>): each sign-in is counted in the
/// database before its password is checked, so guesses sent at once check at most
/// <see cref="StaffSignInOptions.MaxFailedSignIns"/> passwords before the lock; the lock holds that network only, so
/// someone guessing elsewhere cannot keep the holder out, and lasts <see cref="StaffSignInOptions.LockoutDuration"/>.
/// Unknown names are counted the same way in memory, so a lockout tells nothing about whether a name exists.
/// </para>
/// </summary>
public sealed partial class StaffAccountStore
{
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    private readonly IDbContextFactory<ChannelBotDbContext> _databases;
    private readonly TimeProvider _clock;
    private readonly IOptionsMonitor<StaffSignInOptions> _options;
    private readonly ILogger<StaffAccountStore> _logger;
    private readonly PasswordHasher<StaffAccountRecord> _hasher = new();
    private readonly UnknownLoginThrottle _unknown = new();
    private readonly Lazy<string> _decoyHash;

    public StaffAccountStore(IDbContextFactory<ChannelBotDbContext> databases, TimeProvider clock, IOptionsMonitor<StaffSignInOptions> options, ILogger<StaffAccountStore> logger)
    {
        _databases = databases;
        _clock = clock;
        _options = options;
        _logger = logger;

        // Checked against when the name is unknown, so an unknown name costs the same time as a wrong password.
        _decoyHash = new Lazy<string>(() => _hasher.HashPassword(Decoy, SessionTokens.NewToken()));
    }

    private static StaffAccountRecord Decoy { get; } = new() { Login = "-", NormalizedLogin = "-", DisplayName = "-", Role = "-", PasswordHash = "-" };

    /// <summary>Why <paramref name="password"/> may not be chosen, or null when it may.</summary>
    public string? Weakness(string? password)
    {
        var min = _options.CurrentValue.MinPasswordLength;
        if (string.IsNullOrEmpty(password) || password.Length < min)
        {
            return $"A password needs at least {min} characters.";
        }

        return password.Length > StaffPasswords.MaxLength
            ? $"A password may have at most {StaffPasswords.MaxLength} characters."
            : null;
    }

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var records = await db.StaffAccounts.AsNoTracking().OrderBy(a => a.NormalizedLogin).ToListAsync(cancellationToken);
        return [.. records.Select(StaffAccount.From)];
    }

    public async Task<StaffAccount?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var record = await db.StaffAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return record is null ? null : StaffAccount.From(record);
    }

    public async Task<StaffAccount?> FindByLoginAsync(string login, CancellationToken cancellationToken)
    {
        var normalized = StaffLogins.Normalize(login);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var record = await db.StaffAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.NormalizedLogin == normalized, cancellationToken);
        return record is null ? null : StaffAccount.From(record);
    }

    /// <summary>Creates an account whose holder must change the given password at first sign-in.</summary>
    public async Task<StaffAccountChangeOutcome> CreateAsync(NewStaffAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var record = new StaffAccountRecord
        {
            Login = account.Login.Trim(),
            NormalizedLogin = StaffLogins.Normalize(account.Login),
            DisplayName = account.DisplayName.Trim(),
            Role = account.Role,
            Department = account.Department,
            PasswordHash = string.Empty,
            MustChangePassword = true,
            CreatedAt = _clock.GetUtcNow(),
        };
        record.PasswordHash = _hasher.HashPassword(record, account.Password);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        if (await db.StaffAccounts.AnyAsync(a => a.NormalizedLogin == record.NormalizedLogin, cancellationToken))
        {
            return new StaffAccountChangeOutcome(StaffAccountChange.LoginTaken);
        }

        db.StaffAccounts.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbExceptionClassifier.IsUniqueViolation(exception))
        {
            return new StaffAccountChangeOutcome(StaffAccountChange.LoginTaken);
        }

        StaffAccountLog.Created(_logger, record.Id, record.Role);
        return new StaffAccountChangeOutcome(StaffAccountChange.Changed, StaffAccount.From(record));
    }

    /// <summary>Disables (ending every session at once) or enables an account.</summary>
    public Task<StaffAccountChangeOutcome> SetDisabledAsync(long id, bool disabled, CancellationToken cancellationToken) =>
        ChangeAsync(id, disabled ? "disabled" : "enabled", endSessions: disabled, record =>
        {
            record.Disabled = disabled;
        }, cancellationToken, liftLockouts: !disabled);

    public Task<StaffAccountChangeOutcome> ChangeRoleAsync(long id, string role, string? department, CancellationToken cancellationToken) =>
        ChangeAsync(id, "role " + role, endSessions: false, record =>
        {
            record.Role = role;
            record.Department = department;
        }, cancellationToken);

    /// <summary>An admin sets a new password the holder must change at next sign-in; their sessions end and any lockout lifts.</summary>
    public Task<StaffAccountChangeOutcome> ResetPasswordAsync(long id, string password, CancellationToken cancellationToken) =>
        ChangeAsync(id, "password reset", endSessions: true, record =>
        {
            record.PasswordHash = _hasher.HashPassword(record, password);
            record.MustChangePassword = true;
        }, cancellationToken, liftLockouts: true);

    /// <summary>The holder replaces their own password; their other sessions end.</summary>
    public async Task<StaffAccountChangeOutcome> ChangeOwnPasswordAsync(StaffSession session, string current, string replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var record = await db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == session.Account.Id, cancellationToken);
        if (record is null)
        {
            return new StaffAccountChangeOutcome(StaffAccountChange.NotFound);
        }

        if (_hasher.VerifyHashedPassword(record, record.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            return new StaffAccountChangeOutcome(StaffAccountChange.WrongPassword);
        }

        record.PasswordHash = _hasher.HashPassword(record, replacement);
        record.MustChangePassword = false;
        await db.SaveChangesAsync(cancellationToken);
        var ended = await db.StaffSessions.Where(s => s.AccountId == record.Id && s.Id != session.Id).ExecuteDeleteAsync(cancellationToken);
        StaffAccountLog.Changed(_logger, record.Id, "password changed by its holder", ended);
        return new StaffAccountChangeOutcome(StaffAccountChange.Changed, StaffAccount.From(record));
    }

    private async Task<StaffAccountChangeOutcome> ChangeAsync(long id, string change, bool endSessions, Action<StaffAccountRecord> apply, CancellationToken cancellationToken, bool liftLockouts = false)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var record = await db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (record is null)
        {
            return new StaffAccountChangeOutcome(StaffAccountChange.NotFound);
        }

        apply(record);
        await db.SaveChangesAsync(cancellationToken);
        if (liftLockouts)
        {
            await db.StaffSignInThrottles.Where(t => t.NormalizedLogin == record.NormalizedLogin).ExecuteDeleteAsync(cancellationToken);
        }

        var ended = endSessions ? await db.StaffSessions.Where(s => s.AccountId == id).ExecuteDeleteAsync(cancellationToken) : 0;
        StaffAccountLog.Changed(_logger, id, change, ended);
        return new StaffAccountChangeOutcome(StaffAccountChange.Changed, StaffAccount.From(record));
    }
}
