using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Refuses, at start-up, a Twilio configuration that could only fail later: half a credential, a signing token
/// without the public URL it signs (or the reverse), malformed SIDs and URLs. No Twilio settings at all is valid:
/// the channel is then off and its webhooks refuse everything.
/// </summary>
internal sealed partial class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    /// <summary>1 MiB: far above any Twilio webhook, low enough to keep a body in memory.</summary>
    public const long MaxBodyBytesCeiling = 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        var hasSid = !string.IsNullOrWhiteSpace(options.AccountSid);
        var hasToken = !string.IsNullOrWhiteSpace(options.AuthToken);
        var hasUrl = !string.IsNullOrWhiteSpace(options.PublicBaseUrl);

        if (hasSid && !hasToken)
        {
            failures.Add("Twilio:AccountSid is set but Twilio:AuthToken is not; set both or neither.");
        }

        if (hasToken && !hasSid)
        {
            failures.Add("Twilio:AuthToken is set but Twilio:AccountSid is not; set both or neither.");
        }

        if (hasToken && !hasUrl)
        {
            failures.Add("Twilio:AuthToken is set but Twilio:PublicBaseUrl is not: webhook signatures cannot be checked without the public URL Twilio calls.");
        }

        if (hasSid && !AccountSidPattern().IsMatch(options.AccountSid!))
        {
            failures.Add("Twilio:AccountSid must be AC followed by 32 hexadecimal digits.");
        }

        if (!string.IsNullOrWhiteSpace(options.MessagingServiceSid) && !MessagingServiceSidPattern().IsMatch(options.MessagingServiceSid))
        {
            failures.Add("Twilio:MessagingServiceSid must be MG followed by 32 hexadecimal digits.");
        }

        if (!string.IsNullOrWhiteSpace(options.WhatsAppFrom) && !options.WhatsAppFrom.StartsWith("whatsapp:", StringComparison.Ordinal))
        {
            failures.Add("Twilio:WhatsAppFrom must be a whatsapp: address, e.g. whatsapp:+15551230000.");
        }

        if (hasUrl)
        {
            if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add("Twilio:PublicBaseUrl must be an absolute http(s) URL.");
            }
            else if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || options.PublicBaseUrl!.Contains('?', StringComparison.Ordinal) || options.PublicBaseUrl.Contains('#', StringComparison.Ordinal))
            {
                failures.Add("Twilio:PublicBaseUrl must not carry a query string or fragment: the query Twilio sends is taken from the request.");
            }
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Twilio:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (options.MaxBodyBytes <= 0 || options.MaxBodyBytes > MaxBodyBytesCeiling)
        {
            failures.Add($"Twilio:MaxBodyBytes must be between 1 and {MaxBodyBytesCeiling}.");
        }

        foreach (var (purpose, languages) in options.WhatsAppTemplates)
        {
            foreach (var (language, contentSid) in languages ?? [])
            {
                // An emptied entry means "no template" (e.g. an override that switches one off).
                if (!string.IsNullOrWhiteSpace(contentSid) && !ContentSidPattern().IsMatch(contentSid))
                {
                    failures.Add($"Twilio:WhatsAppTemplates:{purpose}:{language} must be a ContentSid: HX followed by 32 hexadecimal digits.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex MessagingServiceSidPattern();

    [GeneratedRegex("^HX[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ContentSidPattern();
}
