namespace ChannelBot.Infrastructure.Staff;

/// <summary>The result of a sign-in: for <see cref="SignInStatus.SignedIn"/> the session and the token for the cookie.</summary>
public sealed record SignInOutcome(SignInStatus Status, StaffSession? Session = null, string? Token = null, TimeSpan? RetryAfter = null);
