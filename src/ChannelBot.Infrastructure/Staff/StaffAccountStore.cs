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
/// </summary>
public sealed class StaffAccountStore
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

    public async Task<SignInOutcome> SignInAsync(string login, string password, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var normalized = StaffLogins.Normalize(login);
        var now = _clock.GetUtcNow();
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.NormalizedLogin == normalized, cancellationToken);
        var outcome = account is null
            ? SignInUnknown(normalized, password, now, options)
            : await SignInKnownAsync(db, account, password, now, options, cancellationToken);
        if (outcome.Status == SignInStatus.SignedIn)
        {
            StaffAccountLog.SignedIn(_logger, account!.Id);
        }
        else
        {
            StaffAccountLog.SignInRefused(_logger, outcome.Status);
        }

        return outcome;
    }

    /// <summary>The live session behind a cookie's token, or null when it ended, expired, idled out or its account is disabled.</summary>
    public async Task<StaffSession?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var hash = SessionTokens.Hash(token);
        var now = _clock.GetUtcNow();
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var session = await db.StaffSessions.Include(s => s.Account).SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (session.ExpiresAt <= now || session.LastSeenAt + _options.CurrentValue.IdleTimeout <= now || session.Account.Disabled)
        {
            db.StaffSessions.Remove(session);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        if (now - session.LastSeenAt >= LastSeenResolution)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new StaffSession(session.Id, StaffAccount.From(session.Account), session.CsrfToken, session.ExpiresAt);
    }

    public async Task SignOutAsync(StaffSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        await db.StaffSessions.Where(s => s.Id == session.Id).ExecuteDeleteAsync(cancellationToken);
        StaffAccountLog.SignedOut(_logger, session.Account.Id);
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
            if (!disabled)
            {
                record.FailedSignIns = 0;
                record.LockedUntil = null;
            }
        }, cancellationToken);

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
            record.FailedSignIns = 0;
            record.LockedUntil = null;
        }, cancellationToken);

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

    private SignInOutcome SignInUnknown(string normalized, string password, DateTimeOffset now, StaffSignInOptions options)
    {
        if (_unknown.LockedUntil(normalized, now) is { } locked)
        {
            return new SignInOutcome(SignInStatus.LockedOut, RetryAfter: locked - now);
        }

        _hasher.VerifyHashedPassword(Decoy, _decoyHash.Value, password);
        return _unknown.RecordFailure(normalized, now, options) is { } until
            ? new SignInOutcome(SignInStatus.LockedOut, RetryAfter: until - now)
            : new SignInOutcome(SignInStatus.Refused);
    }

    private async Task<SignInOutcome> SignInKnownAsync(
        ChannelBotDbContext db, StaffAccountRecord account, string password, DateTimeOffset now, StaffSignInOptions options, CancellationToken cancellationToken)
    {
        if (account.LockedUntil > now)
        {
            return new SignInOutcome(SignInStatus.LockedOut, RetryAfter: account.LockedUntil - now);
        }

        var verified = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            return await CountFailureAsync(db, account.Id, now, options, cancellationToken);
        }

        if (account.Disabled)
        {
            return new SignInOutcome(SignInStatus.Disabled);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = _hasher.HashPassword(account, password);
        }

        account.FailedSignIns = 0;
        account.LockedUntil = null;
        account.LastSignInAt = now;
        var token = SessionTokens.NewToken();
        var session = new StaffSessionRecord
        {
            TokenHash = SessionTokens.Hash(token),
            CsrfToken = SessionTokens.NewToken(),
            Account = account,
            CreatedAt = now,
            ExpiresAt = now + options.SessionLifetime,
            LastSeenAt = now,
        };
        db.StaffSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);

        // Sessions of this account that ended on their own are swept here, so the table never grows with them.
        var idleSince = now - options.IdleTimeout;
        await db.StaffSessions
            .Where(s => s.AccountId == account.Id && (s.ExpiresAt <= now || s.LastSeenAt <= idleSince))
            .ExecuteDeleteAsync(cancellationToken);
        return new SignInOutcome(SignInStatus.SignedIn, new StaffSession(session.Id, StaffAccount.From(account), session.CsrfToken, session.ExpiresAt), token);
    }

    /// <summary>
    /// Counts a wrong password in the database itself (guesses sent in parallel are each counted) and locks the
    /// account when the count reaches the limit.
    /// </summary>
    private async Task<SignInOutcome> CountFailureAsync(ChannelBotDbContext db, long id, DateTimeOffset now, StaffSignInOptions options, CancellationToken cancellationToken)
    {
        await db.StaffAccounts.Where(a => a.Id == id)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.FailedSignIns, x => x.FailedSignIns + 1), cancellationToken);
        DateTimeOffset? until = now + options.LockoutDuration;
        var locked = await db.StaffAccounts.Where(a => a.Id == id && a.FailedSignIns >= options.MaxFailedSignIns)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.FailedSignIns, 0).SetProperty(x => x.LockedUntil, until), cancellationToken);
        if (locked == 0)
        {
            return new SignInOutcome(SignInStatus.Refused);
        }

        StaffAccountLog.LockedOut(_logger, id, until.Value);
        return new SignInOutcome(SignInStatus.LockedOut, RetryAfter: options.LockoutDuration);
    }

    private async Task<StaffAccountChangeOutcome> ChangeAsync(long id, string change, bool endSessions, Action<StaffAccountRecord> apply, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var record = await db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (record is null)
        {
            return new StaffAccountChangeOutcome(StaffAccountChange.NotFound);
        }

        apply(record);
        await db.SaveChangesAsync(cancellationToken);
        var ended = endSessions ? await db.StaffSessions.Where(s => s.AccountId == id).ExecuteDeleteAsync(cancellationToken) : 0;
        StaffAccountLog.Changed(_logger, id, change, ended);
        return new StaffAccountChangeOutcome(StaffAccountChange.Changed, StaffAccount.From(record));
    }
}
