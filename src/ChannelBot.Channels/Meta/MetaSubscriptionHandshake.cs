using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// <c>GET /api/meta/webhook</c>, the subscription handshake: <c>hub.mode=subscribe</c> and <c>hub.verify_token</c>
/// equal to <see cref="MetaOptions.VerifyToken"/> → 200 <c>text/plain</c> with <c>hub.challenge</c>; anything else 403.
/// It carries no signature and none is asked for.
/// </summary>
internal sealed class MetaSubscriptionHandshake(MetaWebhookSigning signing, ILogger<MetaSubscriptionHandshake> logger)
{
    /// <summary>Meta's challenge is a number; anything longer than this is not one.</summary>
    public const int MaxChallengeLength = 256;

    public async Task VerifyAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Verify(context.Request).ExecuteAsync(context).ConfigureAwait(false);
    }

    private IResult Verify(HttpRequest request)
    {
        if (signing.VerifyToken is null)
        {
            MetaLog.NotConfigured(logger);
            return MetaResponses.Problem(StatusCodes.Status403Forbidden, "This endpoint does not accept requests: the Meta channel is not configured.");
        }

        var mode = request.Query["hub.mode"];
        var token = request.Query["hub.verify_token"];
        var challenge = request.Query["hub.challenge"];
        if (mode.Count != 1 || !string.Equals(mode[0], "subscribe", StringComparison.Ordinal))
        {
            return Refuse("hub.mode is not subscribe");
        }

        if (token.Count != 1 || !FixedTimeEquals(token[0], signing.VerifyToken))
        {
            return Refuse("hub.verify_token does not match Meta:VerifyToken");
        }

        if (challenge.Count != 1 || string.IsNullOrEmpty(challenge[0]) || challenge[0]!.Length > MaxChallengeLength)
        {
            return Refuse("no usable hub.challenge");
        }

        MetaLog.Subscribed(logger);
        return Results.Text(challenge[0], "text/plain", Encoding.UTF8, StatusCodes.Status200OK);
    }

    private static bool FixedTimeEquals(string? given, string expected)
    {
        if (given is null)
        {
            return false;
        }

        var a = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    private IResult Refuse(string reason)
    {
        MetaLog.SubscriptionRefused(logger, reason);
        return MetaResponses.Problem(StatusCodes.Status403Forbidden, "The subscription request is not verified.");
    }
}
