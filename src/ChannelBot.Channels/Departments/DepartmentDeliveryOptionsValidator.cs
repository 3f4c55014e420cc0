using ChannelBot.Application.Delivery;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Departments;

/// <summary>Each department webhook: an absolute https URL (http only to this machine) and a secret long enough to sign with.</summary>
internal sealed class DepartmentDeliveryOptionsValidator : IValidateOptions<DepartmentDeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DepartmentDeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (department, webhook) in options.Webhooks)
        {
            var at = $"{DepartmentDeliveryOptions.Section}:Webhooks:{department}";
            if (webhook.Url is not { IsAbsoluteUri: true } url || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
            {
                failures.Add($"{at}:Url must be an absolute https URL (http only for localhost).");
            }

            if ((webhook.Secret?.Length ?? 0) < DepartmentDeliveryOptions.MinimumSecretLength)
            {
                failures.Add($"{at}:Secret must be at least {DepartmentDeliveryOptions.MinimumSecretLength} characters (e.g. `openssl rand -base64 48`).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
