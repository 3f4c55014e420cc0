using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Connector;

/// <summary>Refuses, at start-up, a Connector configuration that could only fail later.</summary>
internal sealed class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>
{
    /// <summary>16 MiB: far above any channel's activity size limit, low enough to keep a body in memory.</summary>
    public const long MaxBodyBytesCeiling = 16L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        var hasAppId = !string.IsNullOrWhiteSpace(options.MicrosoftAppId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        if (hasPassword && !hasAppId)
        {
            failures.Add("Connector:MicrosoftAppPassword is set but Connector:MicrosoftAppId is not; set both or neither.");
        }

        if (hasAppId && !hasPassword)
        {
            failures.Add("Connector:MicrosoftAppId is set but Connector:MicrosoftAppPassword is not; set both or neither.");
        }

        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId) && !hasAppId)
        {
            failures.Add("Connector:MicrosoftAppTenantId is set without Connector:MicrosoftAppId.");
        }

        RequireHttpUrl(failures, "ChannelOpenIdMetadataUrl", options.ChannelOpenIdMetadataUrl, options.RequireHttpsMetadata);
        RequireHttpUrl(failures, "EmulatorOpenIdMetadataUrl", options.EmulatorOpenIdMetadataUrl, options.RequireHttpsMetadata);
        if (!string.IsNullOrWhiteSpace(options.TokenEndpoint))
        {
            RequireHttpUrl(failures, "TokenEndpoint", options.TokenEndpoint, requireHttps: false);
        }

        if (options.MaxBodyBytes is <= 0 or > MaxBodyBytesCeiling)
        {
            failures.Add($"Connector:MaxBodyBytes must be between 1 and {MaxBodyBytesCeiling}.");
        }

        if (string.IsNullOrWhiteSpace(options.ChannelIssuer))
        {
            failures.Add("Connector:ChannelIssuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.OAuthScope))
        {
            failures.Add("Connector:OAuthScope must not be empty.");
        }

        if (options.EmulatorIssuers.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Connector:EmulatorIssuers must not contain empty entries.");
        }

        if (options.HandledChannelIds.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Connector:HandledChannelIds must not contain empty entries.");
        }

        if (options.SendTimeout <= TimeSpan.Zero)
        {
            failures.Add("Connector:SendTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireHttpUrl(List<string> failures, string name, string? value, bool requireHttps)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Connector:{name} must be an absolute http(s) URL.");
            return;
        }

        if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"Connector:{name} must use https while Connector:RequireHttpsMetadata is true.");
        }
    }
}
