namespace ChannelBot.Infrastructure.Staff;

/// <summary>
/// One signed-in browser: the cookie carries a random token, the database only its SHA-256 hash. Deleting the
/// row (sign-out, disabling the account, a password reset) ends the session at once.
/// </summary>
public sealed class StaffSessionRecord
{
    public const int TokenHashLength = 64;
    public const int CsrfTokenLength = 43;

    public long Id { get; set; }

    /// <summary>Hex SHA-256 of the cookie's token.</summary>
    public required string TokenHash { get; set; }

    /// <summary>What a mutating call made with the cookie must repeat in the <c>X-CSRF-Token</c> header.</summary>
    public required string CsrfToken { get; set; }

    public long AccountId { get; set; }

    public StaffAccountRecord Account { get; set; } = null!;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The session ends here however active it is.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The last request, kept to the minute: an idle session ends sooner than <see cref="ExpiresAt"/>.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
}
