using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ChannelBot.Infrastructure.Staff;

/// <summary>Random session and CSRF tokens (256 bits), and the hash under which a session token is stored.</summary>
internal static class SessionTokens
{
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
