using System.Security.Cryptography;

namespace ChannelBot.Infrastructure.Staff;

/// <summary>Limits on passwords, and one-time passwords for a new admin.</summary>
public static class StaffPasswords
{
    /// <summary>Longer input is refused before it is hashed.</summary>
    public const int MaxLength = 256;

    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>A random 20-character password without look-alike characters (about 116 bits).</summary>
    public static string NewOneTime() => RandomNumberGenerator.GetString(Alphabet, 20);
}
