using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Email;

/// <summary>
/// The token of an unsubscribe link: <c>base64url(address) "." base64url(HMAC-SHA256(key, purpose + address))</c> with
/// <see cref="EmailOptions.UnsubscribeSecret"/> as the key. Anyone holding an email can unsubscribe its address; nobody
/// can make a token for another address without the key. Nothing is stored: checking a token needs only the key.
/// The address is what is signed, exactly as the email was sent to it, so the opt-out it records is the one the sender
/// checks.
/// </summary>
internal sealed class EmailUnsubscribeToken(IOptionsMonitor<EmailOptions> options)
{
    /// <summary>The longest token read; anything longer is refused before any work.</summary>
    public const int MaxLength = 512;

    /// <summary>The longest address a token is made for (the opt-out table's limit).</summary>
    public const int MaxAddressLength = 256;

    private const string Purpose = "channelbot/email-unsubscribe/v1\n";

    /// <summary>True when a key is configured (links can be made and checked).</summary>
    public bool IsConfigured => Key() is not null;

    /// <summary>The token for <paramref name="address"/>, or null without a key or for an address too long to record.</summary>
    public string? Create(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Key() is not { } key || address.Length is 0 or > MaxAddressLength)
        {
            return null;
        }

        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(address)) + "." + Base64Url.EncodeToString(Mac(key, address));
    }

    /// <summary>The address <paramref name="token"/> was made for, when it is well formed and its signature is ours.</summary>
    public bool TryRead(string? token, out string address)
    {
        address = string.Empty;
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength || Key() is not { } key)
        {
            return false;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1 || !Base64Url.IsValid(token.AsSpan(0, dot)) || !Base64Url.IsValid(token.AsSpan(dot + 1)))
        {
            return false;
        }

        byte[] addressBytes;
        byte[] signature;
        string candidate;
        try
        {
            addressBytes = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            candidate = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(addressBytes);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return false;
        }

        if (candidate.Length is 0 or > MaxAddressLength || !CryptographicOperations.FixedTimeEquals(signature, Mac(key, candidate)))
        {
            return false;
        }

        address = candidate;
        return true;
    }

    private byte[]? Key() =>
        options.CurrentValue.UnsubscribeSecret is { Length: >= EmailOptions.MinUnsubscribeSecretLength } secret ? Encoding.UTF8.GetBytes(secret) : null;

    private static byte[] Mac(byte[] key, string address) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Purpose + address));
}
