using System.Security.Cryptography;
using System.Text;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// Meta's webhook signature: <c>X-Hub-Signature-256: sha256=&lt;hex of HMAC-SHA256(app secret, raw body)&gt;</c>
/// (channels.md §0.4, §6). Computed over the bytes exactly as received, never over re-serialized JSON (Meta's
/// wire bytes escape non-ASCII as <c>\u00e4</c> and slashes as <c>\/</c>), and compared in constant time. The
/// legacy <c>X-Hub-Signature: sha1=…</c> header is never accepted on its own (SHA-1 is not enough, and reading the
/// wrong header is the bug botbuilder's Facebook adapter shipped).
/// </summary>
public static class MetaSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    /// <summary>The legacy SHA-1 header Meta still sends alongside; never used to verify.</summary>
    public const string LegacyHeaderName = "X-Hub-Signature";

    public const string Prefix = "sha256=";

    private const int DigestBytes = 32;

    /// <summary>The header value Meta sends for <paramref name="body"/>: <c>sha256=</c> + lower-case hex.</summary>
    public static string Compute(string appSecret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
    }

    /// <summary>True when <paramref name="header"/> is <c>sha256=</c> + the hex HMAC-SHA256 of <paramref name="body"/> (hex in either case).</summary>
    public static bool IsValid(string appSecret, string? header, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = header.AsSpan(Prefix.Length).Trim();
        if (hex.Length != DigestBytes * 2)
        {
            return false;
        }

        Span<byte> received = stackalloc byte[DigestBytes];
        if (Convert.FromHexString(hex, received, out _, out var written) != System.Buffers.OperationStatus.Done || written != DigestBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[DigestBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(received, expected);
    }
}
