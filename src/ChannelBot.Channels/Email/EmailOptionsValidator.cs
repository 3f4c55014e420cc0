using MimeKit;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Email;

/// <summary>
/// Refuses, at start-up, an email configuration that could not send: a host without a sender address, a bad port, a user
/// without a password, a host without the public URL and the key of the unsubscribe links.
/// </summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Host))
        {
            if (string.IsNullOrWhiteSpace(options.FromAddress) || !MailboxAddress.TryParse(options.FromAddress, out _))
            {
                failures.Add("Email:FromAddress must be an email address when Email:Host is set.");
            }

            if (options.Port is < 1 or > 65535)
            {
                failures.Add($"Email:Port must be between 1 and 65535 (not {options.Port}).");
            }

            if (!string.IsNullOrWhiteSpace(options.UserName) && string.IsNullOrEmpty(options.Password))
            {
                failures.Add("Email:Password is required when Email:UserName is set.");
            }

            if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
            {
                failures.Add("Email:PublicBaseUrl is required when Email:Host is set: every email carries an unsubscribe link to this app.");
            }

            if (string.IsNullOrEmpty(options.UnsubscribeSecret))
            {
                failures.Add($"Email:UnsubscribeSecret is required when Email:Host is set (at least {EmailOptions.MinUnsubscribeSecretLength} characters): it signs the unsubscribe links.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var publicUri)
                || (publicUri.Scheme != Uri.UriSchemeHttps && publicUri.Scheme != Uri.UriSchemeHttp)
                || options.PublicBaseUrl.Contains('?', StringComparison.Ordinal)
                || options.PublicBaseUrl.Contains('#', StringComparison.Ordinal)))
        {
            failures.Add("Email:PublicBaseUrl must be an absolute http(s) URL without query or fragment.");
        }

        if (!string.IsNullOrEmpty(options.UnsubscribeSecret) && options.UnsubscribeSecret.Length < EmailOptions.MinUnsubscribeSecretLength)
        {
            failures.Add($"Email:UnsubscribeSecret must be at least {EmailOptions.MinUnsubscribeSecretLength} characters.");
        }

        if (options.SendTimeout <= TimeSpan.Zero)
        {
            failures.Add("Email:SendTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
