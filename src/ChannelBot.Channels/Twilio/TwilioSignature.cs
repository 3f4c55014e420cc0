using System.Security.Cryptography;
using System.Text;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Twilio's request signature, <c>X-Twilio-Signature</c>: Base64(HMAC-SHA1(auth token, URL + every POST
/// parameter's name and value)), parameters in ordinal order of their names. The URL is the one Twilio requested
/// (the configured public URL with the query string as sent), with and without its port, as the official
/// libraries accept. For JSON bodies Twilio signs the URL alone and puts the body's SHA-256 in its
/// <c>bodySHA256</c> query parameter. Comparisons are constant-time.
/// </summary>
public static class TwilioSignature
{
    public const string HeaderName = "X-Twilio-Signature";

    public const string BodyHashParameter = "bodySHA256";

    /// <summary>
    /// The signature Twilio sends for <paramref name="url"/> and form <paramref name="parameters"/>. A name that
    /// repeats contributes each of its distinct values once, in ordinal order (as the official Node library does).
    /// </summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);

        var data = new StringBuilder(url);
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                data.Append(group.Key).Append(value);
            }
        }

        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(mac);
    }

    /// <summary>True when <paramref name="signature"/> signs the form request at <paramref name="url"/> (with or without its port).</summary>
    public static bool IsValid(string authToken, string? signature, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        if (string.IsNullOrEmpty(signature) || authToken.Length == 0)
        {
            return false;
        }

        var materialized = parameters as IReadOnlyCollection<KeyValuePair<string, string>> ?? [.. parameters];
        var valid = false;
        foreach (var candidate in CandidateUrls(url))
        {
            // Every candidate is checked (no early exit), so the time taken does not tell which one matched.
            valid |= FixedTimeEquals(signature, Compute(authToken, candidate, materialized));
        }

        return valid;
    }

    /// <summary>
    /// True when <paramref name="signature"/> signs <paramref name="url"/> with no parameters and the URL's
    /// <c>bodySHA256</c> is the lowercase hex SHA-256 of <paramref name="body"/>, the raw bytes received.
    /// </summary>
    public static bool IsValidWithBody(string authToken, string? signature, string url, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);

        var signed = IsValid(authToken, signature, url, []);
        var declared = QueryValue(url, BodyHashParameter);
        var hashMatches = declared is not null && FixedTimeEquals(declared, ComputeBodyHash(body));
        return signed & hashMatches;
    }

    /// <summary>The lowercase hex SHA-256 of a body, as Twilio puts it in <c>bodySHA256</c>.</summary>
    public static string ComputeBodyHash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>
    /// Every URL a signature for a request to <paramref name="url"/> is checked against, in the official
    /// library's order: the URL as received without and with its port; then the URL with its query
    /// percent-encoded the way a WHATWG URL parser writes it (<c>'</c> → <c>%27</c>, spaces, quotes, non-ASCII),
    /// without and with the port; then those with the query re-encoded as Node's legacy <c>querystring</c> does
    /// (<c>+</c> → <c>%20</c>, reserved characters escaped). Twilio has signed such escaped forms of the URL it
    /// called; anything else about the request stays exact.
    /// </summary>
    public static IReadOnlyList<string> CandidateUrls(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var candidates = new List<string>(UrlVariants(url));
        var normalized = TwilioUrlForms.WhatwgQuery(url);
        foreach (var variant in UrlVariants(normalized).Concat(UrlVariants(normalized).Select(TwilioUrlForms.LegacyQuerystring)))
        {
            if (!candidates.Contains(variant, StringComparer.Ordinal))
            {
                candidates.Add(variant);
            }
        }

        return candidates;
    }

    /// <summary>
    /// The URLs a signature may have been computed over: without a port, and with one (the URL's own, or the
    /// scheme's default 443/80 when it has none). A URL whose authority cannot be found is its only variant.
    /// </summary>
    public static IReadOnlyList<string> UrlVariants(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return [url];
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var hostStart = authority.LastIndexOf('@') + 1;
        var hostAndPort = authority[hostStart..];
        var bracket = hostAndPort.LastIndexOf(']');
        var colon = hostAndPort.IndexOf(':', bracket + 1);
        var host = colon < 0 ? hostAndPort : hostAndPort[..colon];
        var hasPort = colon >= 0;

        var prefix = url[..authorityStart] + authority[..hostStart] + host;
        var rest = url[authorityEnd..];
        var withoutPort = prefix + rest;
        var defaultPort = url[..schemeEnd].Equals("https", StringComparison.OrdinalIgnoreCase) ? ":443" : ":80";
        var withPort = hasPort ? url : prefix + defaultPort + rest;
        return withoutPort == withPort ? [url] : [withoutPort, withPort];
    }

    private static bool FixedTimeEquals(string received, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(received), Encoding.ASCII.GetBytes(expected));

    /// <summary>The first value of a query parameter, percent-decoded; null when absent.</summary>
    private static string? QueryValue(string url, string name)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return null;
        }

        var fragment = url.IndexOf('#', queryStart);
        var query = fragment < 0 ? url[(queryStart + 1)..] : url[(queryStart + 1)..fragment];
        foreach (var pair in query.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }
}
