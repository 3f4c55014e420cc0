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

    /// <param name="network">The client network the attempt comes from (an IPv4 address, an IPv6 /64).</param>
    public async Task<SignInOutcome> SignInAsync(string login, string password, string network, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var normalized = StaffLogins.Normalize(login);
        network = network.Length <= StaffSignInThrottleRecord.MaxNetworkLength ? network : network[..StaffSignInThrottleRecord.MaxNetworkLength];
        var now = _clock.GetUtcNow();
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.NormalizedLogin == normalized, cancellationToken);
        var outcome = account is null
            ? SignInUnknown(normalized, network, password, now, options)
            : await SignInKnownAsync(db, account, network, password, now, options, cancellationToken);
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

    private SignInOutcome SignInUnknown(string normalized, string network, string password, DateTimeOffset now, StaffSignInOptions options)
    {
        if (!_unknown.TryCount(normalized + "\n" + network, now, options, out var lockedUntil, out var lastAllowed))
        {
            return new SignInOutcome(SignInStatus.LockedOut, RetryAfter: lockedUntil - now);
        }

        _hasher.VerifyHashedPassword(Decoy, _decoyHash.Value, password);
        return lastAllowed
            ? new SignInOutcome(SignInStatus.LockedOut, RetryAfter: options.LockoutDuration)
            : new SignInOutcome(SignInStatus.Refused);
    }

    private async Task<SignInOutcome> SignInKnownAsync(
        ChannelBotDbContext db, StaffAccountRecord account, string network, string password, DateTimeOffset now, StaffSignInOptions options, CancellationToken cancellationToken)
    {
        var (counted, lockedUntil) = await CountAttemptAsync(db, account.NormalizedLogin, network, now, options, cancellationToken);
        if (!counted)
        {
            return new SignInOutcome(SignInStatus.LockedOut, RetryAfter: lockedUntil - now);
        }

        var verified = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            if (lockedUntil is { } until)
            {
                // This attempt used up the network's tries: it says so at once.
                StaffAccountLog.LockedOut(_logger, account.Id, until);
                return new SignInOutcome(SignInStatus.LockedOut, RetryAfter: options.LockoutDuration);
            }

            return new SignInOutcome(SignInStatus.Refused);
        }

        // The right password: this network's count starts again (and stale counts of the account go).
        var stale = now - options.LockoutDuration;
        await db.StaffSignInThrottles
            .Where(t => t.NormalizedLogin == account.NormalizedLogin && (t.Network == network || t.UpdatedAt < stale))
            .ExecuteDeleteAsync(cancellationToken);
        if (account.Disabled)
        {
            return new SignInOutcome(SignInStatus.Disabled);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = _hasher.HashPassword(account, password);
        }

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
    /// Counts one sign-in of the account from the network in the database itself, before any password is checked:
    /// one atomic update that also sets the lock when this attempt is the last one allowed (marked with this attempt's
    /// id), and touches nothing while the network is locked. Counted: whether this attempt may check its password;
    /// LockedUntil: the lock this attempt set (counted), or the end of the lock in force (not counted).
    /// </summary>
    private static async Task<(bool Counted, DateTimeOffset? LockedUntil)> CountAttemptAsync(
        ChannelBotDbContext db, string login, string network, DateTimeOffset now, StaffSignInOptions options, CancellationToken cancellationToken)
    {
        if (!await db.StaffSignInThrottles.AnyAsync(t => t.NormalizedLogin == login && t.Network == network, cancellationToken))
        {
            var first = db.StaffSignInThrottles.Add(new StaffSignInThrottleRecord { NormalizedLogin = login, Network = network, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (DbExceptionClassifier.IsUniqueViolation(exception))
            {
                // Added at the same moment by a parallel attempt: counted below like any other.
            }
            finally
            {
                first.State = EntityState.Detached;
            }
        }

        var max = options.MaxFailedSignIns;
        DateTimeOffset? until = now + options.LockoutDuration;
        var attempt = Guid.NewGuid().ToString("N");
        var counted = await db.StaffSignInThrottles
            .Where(t => t.NormalizedLogin == login && t.Network == network && (t.LockedUntil == null || t.LockedUntil <= now))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(t => t.LockedUntil, t => t.Failures + 1 >= max ? until : null)
                    .SetProperty(t => t.LockedBy, t => t.Failures + 1 >= max ? attempt : null)
                    .SetProperty(t => t.Failures, t => t.Failures + 1 >= max ? 0 : t.Failures + 1)
                    .SetProperty(t => t.UpdatedAt, now),
                cancellationToken);
        var row = await db.StaffSignInThrottles.AsNoTracking()
            .Where(t => t.NormalizedLogin == login && t.Network == network)
            .Select(t => new { t.LockedUntil, t.LockedBy })
            .SingleOrDefaultAsync(cancellationToken);
        return counted == 1
            ? (true, row?.LockedBy == attempt ? row.LockedUntil : null)
            : (false, row?.LockedUntil ?? until);
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
