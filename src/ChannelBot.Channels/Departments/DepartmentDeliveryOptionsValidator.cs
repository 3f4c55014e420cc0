using ChannelBot.Application.Delivery;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Departments;

/// <summary>
/// Each department webhook: an absolute https URL (http only to this machine) and a secret long enough to sign with;
/// each Open311 system: such a URL (its GeoReport v2 base, ending in /), an API key, a known way to read its status
/// changes and a poll interval between a second and a day.
/// </summary>
internal sealed class DepartmentDeliveryOptionsValidator : IValidateOptions<DepartmentDeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DepartmentDeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.CallTimeout < DepartmentDeliveryOptions.MinimumCallTimeout || options.CallTimeout > DepartmentDeliveryOptions.MaximumCallTimeout)
        {
            failures.Add($"{DepartmentDeliveryOptions.Section}:CallTimeout must be between 00:00:00.5 and 00:02:00 (15 seconds suits most systems).");
        }

        foreach (var (department, webhook) in options.Webhooks)
        {
            var at = $"{DepartmentDeliveryOptions.Section}:Webhooks:{department}";
            if (!IsAllowed(webhook.Url))
            {
                failures.Add($"{at}:Url must be an absolute https URL (http only for localhost).");
            }

            if ((webhook.Secret?.Length ?? 0) < DepartmentDeliveryOptions.MinimumSecretLength)
            {
                failures.Add($"{at}:Secret must be at least {DepartmentDeliveryOptions.MinimumSecretLength} characters (e.g. `openssl rand -base64 48`).");
            }
        }

        foreach (var (department, system) in options.Open311)
        {
            var at = $"{DepartmentDeliveryOptions.Section}:Open311:{department}";
            if (!IsAllowed(system.Endpoint) || !system.Endpoint!.AbsolutePath.EndsWith('/'))
            {
                failures.Add($"{at}:Endpoint must be the absolute https URL of its GeoReport v2 API, ending in / (http only for localhost).");
            }

            if (string.IsNullOrWhiteSpace(system.ApiKey))
            {
                failures.Add($"{at}:ApiKey is required (the key the system gave the city for ChannelBot).");
            }

            if (system.Updates is not (DepartmentOpen311.UpdatesByServiceRequestUpdates or DepartmentOpen311.UpdatesByRequests or DepartmentOpen311.UpdatesNone))
            {
                failures.Add($"{at}:Updates must be '{DepartmentOpen311.UpdatesByServiceRequestUpdates}', '{DepartmentOpen311.UpdatesByRequests}' or '{DepartmentOpen311.UpdatesNone}'.");
            }

            if (system.PollInterval < TimeSpan.FromSeconds(1) || system.PollInterval > TimeSpan.FromDays(1))
            {
                failures.Add($"{at}:PollInterval must be between 00:00:01 and 1.00:00:00 (five minutes suits most systems).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAllowed(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
}
