using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ChannelBot.Web.Intake;

/// <summary>
/// One report, one case, for reports another system or a person posts (a call taker's console, an Open311 client):
/// the report's key, per caller, becomes the conversation id of the case it files, and
/// <see cref="Infrastructure.Open311.ExternalCaseFiler.FileOnceAsync"/> files no second case from one conversation
/// (checked inside the filing transaction, so reports sent twice at once file one case). The key is the client's own
/// <see cref="Header"/>, or for a client that sends none, what the intake derives from the report (Open311's
/// <see cref="Open311.SameRequest"/>).
/// </summary>
public static partial class IntakeIdempotency
{
    public const string Header = "Idempotency-Key";

    /// <summary>What a key may be, in words for the error a client gets.</summary>
    public const string KeyRule = "1 to 100 letters, digits, '-', '_', '.' or ':'";

    /// <summary>The request's key as sent: null when it sends none.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.TryGetValue(Header, out var values) ? values.ToString() : null;
    }

    public static bool IsWellFormed([NotNullWhen(true)] string? key) => key is not null && WellFormed().IsMatch(key);

    /// <summary>
    /// The conversation id of the report <paramref name="key"/> names for <paramref name="caller"/> (two callers' keys
    /// never meet), hashed to a fixed length behind <paramref name="prefix"/>.
    /// </summary>
    public static string ConversationId(string prefix, string caller, string key) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caller + "\n" + key)))[..32];

    [GeneratedRegex(@"^[A-Za-z0-9._:\-]{1,100}$")]
    private static partial Regex WellFormed();
}
