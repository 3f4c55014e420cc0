namespace ChannelBot.Infrastructure.Staff;

/// <summary>
/// A person who signs in to the staff API and console: who they are, what role they hold, and the state of their
/// password (a PasswordHasher hash, never the password), failed sign-ins and lockout.
/// </summary>
public sealed class StaffAccountRecord
{
    public const int MaxLoginLength = 254;
    public const int MaxDisplayNameLength = 200;

    public long Id { get; set; }

    /// <summary>The sign-in name as the admin typed it (usually an e-mail address).</summary>
    public required string Login { get; set; }

    /// <summary><see cref="Login"/> trimmed and upper-cased (invariant): unique, what sign-in looks up.</summary>
    public required string NormalizedLogin { get; set; }

    public required string DisplayName { get; set; }

    /// <summary><c>admin</c>, <c>operator</c>, <c>department</c> or <c>reader</c>.</summary>
    public required string Role { get; set; }

    /// <summary>For the <c>department</c> role: the department code from dialogs/catalog.yaml.</summary>
    public string? Department { get; set; }

    /// <summary>ASP.NET Core Identity's <c>PasswordHasher</c> format (PBKDF2, salted, versioned).</summary>
    public required string PasswordHash { get; set; }

    /// <summary>Set for a password someone else chose (a new account, a reset): the holder must replace it first.</summary>
    public bool MustChangePassword { get; set; }

    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }
}
