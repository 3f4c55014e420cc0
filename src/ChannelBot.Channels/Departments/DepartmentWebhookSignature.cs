using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChannelBot.Channels.Departments;

/// <summary>
/// How a department's system knows a delivery is ours and fresh: header <c>X-ChannelBot-Signature: t={unix seconds},
/// v1={hex HMAC-SHA256 of "{t}.{raw body}" with the department's secret}</c>. The receiver recomputes it over the raw
/// bytes it got, compares in constant time, and refuses a timestamp more than five minutes old (replay).
/// </summary>
public static class DepartmentWebhookSignature
{
    public const string HeaderName = "X-ChannelBot-Signature";

    public const string IdempotencyHeaderName = "Idempotency-Key";

    public static string Compute(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed.AsSpan(timestamp.Length + 1));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
