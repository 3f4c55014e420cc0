using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Public;

/// <summary>Refuses at start-up a tile URL the map cannot use (not http(s), no {z}/{x}/{y}) or one without the credit its terms ask for.</summary>
public sealed class PublicRequestsOptionsValidator : IValidateOptions<PublicRequestsOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicRequestsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.TileUrl))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (TileOrigin(options.TileUrl) is null
            || !options.TileUrl.Contains("{z}", StringComparison.Ordinal) || !options.TileUrl.Contains("{x}", StringComparison.Ordinal) || !options.TileUrl.Contains("{y}", StringComparison.Ordinal))
        {
            failures.Add("PublicRequests:TileUrl must be an http(s) URL template with {z}, {x} and {y} (e.g. https://tile.example.org/{z}/{x}/{y}.png).");
        }

        if (string.IsNullOrWhiteSpace(options.TileAttribution))
        {
            failures.Add("PublicRequests:TileAttribution is required with a TileUrl: tile servers' terms ask for their credit on the map.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// The tile server's origin for the Content-Security-Policy (<c>https://tile.example.org</c>; with <c>{s}.</c> in
    /// the host, every subdomain: <c>https://*.tile.example.org</c>), or null when the template is not an http(s) URL.
    /// </summary>
    public static string? TileOrigin(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return null;
        }

        var wildcard = template.Replace("{s}.", "a.", StringComparison.Ordinal);
        var probe = wildcard.Replace("{z}", "0", StringComparison.Ordinal).Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal).Replace("{r}", string.Empty, StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Host.Length == 0 || !string.IsNullOrEmpty(uri.UserInfo) || template.IndexOfAny([' ', '"', '\'', ';', ',']) >= 0)
        {
            return null;
        }

        var host = template.Contains("{s}.", StringComparison.Ordinal) && uri.Host.StartsWith("a.", StringComparison.Ordinal) ? "*." + uri.Host[2..] : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
