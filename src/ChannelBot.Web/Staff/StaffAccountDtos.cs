using ChannelBot.Infrastructure.Staff;

namespace ChannelBot.Web.Staff;

/// <summary>Sign in with a login name and password.</summary>
public sealed record SignInDto(string? Login, string? Password);

/// <summary>A live session: who is signed in, the token mutating calls must send in <c>X-CSRF-Token</c>, and when it ends.</summary>
public sealed record SessionDto(StaffAccount Account, string CsrfToken, DateTimeOffset ExpiresAt);

/// <summary>The holder replaces their own password (required first when an admin chose it).</summary>
public sealed record PasswordChangeDto(string? CurrentPassword, string? NewPassword);

/// <summary>An admin creates an account; its holder must change <see cref="Password"/> at first sign-in.</summary>
public sealed record NewAccountDto(string? Login, string? DisplayName, string? Role, string? Department, string? Password);

/// <summary>An admin gives an account another role (and department, for the department role).</summary>
public sealed record RoleChangeDto(string? Role, string? Department);

/// <summary>An admin sets a password the holder must change at next sign-in.</summary>
public sealed record PasswordResetDto(string? Password);
