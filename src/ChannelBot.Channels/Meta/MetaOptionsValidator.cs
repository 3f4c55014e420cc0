using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// Refuses, at start-up, a Meta configuration that could only fail later: an app secret without the verify
/// token (or the reverse: the webhook could be subscribed but never verified), a Page token with no app secret
/// (replies would go out but no message could ever come in), malformed ids, URLs and versions. No Meta settings
/// at all is valid: the channel is then off and its webhook refuses everything.
/// </summary>
internal sealed partial class MetaOptionsValidator : IValidateOptions<MetaOptions>
{
    /// <summary>4 MiB: far above any Messenger webhook batch, low enough to keep a body in memory.</summary>
    public const long MaxBodyBytesCeiling = 4 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, MetaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        var hasSecret = !string.IsNullOrWhiteSpace(options.AppSecret);
        var hasVerifyToken = !string.IsNullOrWhiteSpace(options.VerifyToken);
        var hasPageToken = !string.IsNullOrWhiteSpace(options.PageAccessToken);

        if (hasSecret && !hasVerifyToken)
        {
            failures.Add("Meta:AppSecret is set but Meta:VerifyToken is not; set both or neither (the webhook subscription is verified with the token).");
        }

        if (hasVerifyToken && !hasSecret)
        {
            failures.Add("Meta:VerifyToken is set but Meta:AppSecret is not; set both or neither (webhook events are verified with the app secret).");
        }

        if (hasPageToken && !hasSecret)
        {
            failures.Add("Meta:PageAccessToken is set but Meta:AppSecret is not: replies could be sent but no message could be received.");
        }

        if (!string.IsNullOrWhiteSpace(options.PageId) && !DigitsPattern().IsMatch(options.PageId))
        {
            failures.Add("Meta:PageId must be the Page's numeric id.");
        }

        if (!Uri.TryCreate(options.GraphBaseUrl, UriKind.Absolute, out var graph)
            || (graph.Scheme != Uri.UriSchemeHttps && graph.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(graph.Query))
        {
            failures.Add("Meta:GraphBaseUrl must be an absolute http(s) URL without a query string.");
        }

        if (string.IsNullOrWhiteSpace(options.GraphVersion) || !VersionPattern().IsMatch(options.GraphVersion))
        {
            failures.Add("Meta:GraphVersion must look like v23.0.");
        }

        if (options.MaxBodyBytes <= 0 || options.MaxBodyBytes > MaxBodyBytesCeiling)
        {
            failures.Add($"Meta:MaxBodyBytes must be between 1 and {MaxBodyBytesCeiling}.");
        }

        if (options.SendTimeout <= TimeSpan.Zero)
        {
            failures.Add("Meta:SendTimeout must be positive.");
        }

        if (string.IsNullOrWhiteSpace(options.OptOutConfirmation) || string.IsNullOrWhiteSpace(options.OptInConfirmation))
        {
            failures.Add("Meta:OptOutConfirmation and Meta:OptInConfirmation must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[0-9]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();

    [GeneratedRegex("^v[0-9]{1,3}\\.[0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
