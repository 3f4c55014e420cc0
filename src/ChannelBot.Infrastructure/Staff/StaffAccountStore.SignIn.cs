using ChannelBot.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Staff;
/// <summary>Signing in (with the lockout described on the class), the session behind each cookie, and signing out.</summary>
public sealed partial class StaffAccountStore
{
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
}
