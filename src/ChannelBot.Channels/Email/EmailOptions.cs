namespace ChannelBot.Channels.Email;

/// <summary>
/// Settings of the email channel (section <c>Email</c>): status updates by email to residents who gave an address
/// (a web chat reporter who chose email, or any reporter whose other channels cannot be used), sent over SMTP.
/// <para>
/// Sending needs <see cref="Host"/> and <see cref="FromAddress"/>. Without a host the channel is off and such
/// residents' cases record "cannot notify".
/// </para>
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>The SMTP server's host name, e.g. <c>smtp.city.gov</c>. Empty: no email sent.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP port: 587 for STARTTLS submission, 465 for TLS on connect, 25 for a local relay.</summary>
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c> or <c>None</c> (a relay on the same host or a private network only).</summary>
    public EmailSecurity Security { get; set; } = EmailSecurity.StartTls;

    /// <summary>The SMTP account's user name; empty for a relay that needs no login.</summary>
    public string? UserName { get; set; }

    /// <summary>The SMTP account's password. Secret.</summary>
    public string? Password { get; set; }

    /// <summary>The sender's address residents see and may reply to, e.g. <c>311@city.gov</c>.</summary>
    public string? FromAddress { get; set; }

    /// <summary>The sender's display name, e.g. <c>Springfield 311</c>.</summary>
    public string FromName { get; set; } = "311";

    /// <summary>How long connecting, logging in and sending one message may take.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The public origin (and path prefix, if any) residents reach the app at, e.g. <c>https://311.example.gov</c>:
    /// every email's unsubscribe link is <c>{PublicBaseUrl}/email/unsubscribe?token=…</c>. Required when
    /// <see cref="Host"/> is set.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// The key (at least 32 characters) the unsubscribe links are signed with (HMAC-SHA256 over the address). Secret.
    /// Required when <see cref="Host"/> is set; changing it makes the links in emails already sent invalid.
    /// </summary>
    public string? UnsubscribeSecret { get; set; }

    /// <summary>The shortest <see cref="UnsubscribeSecret"/> accepted.</summary>
    public const int MinUnsubscribeSecretLength = 32;
}
