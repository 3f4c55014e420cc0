using MimeKit;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Email;

/// <summary>Refuses, at start-up, an email configuration that could not send: a host without a sender address, a bad port, a user without a password.</summary>
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
        }

        if (options.SendTimeout <= TimeSpan.Zero)
        {
            failures.Add("Email:SendTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
