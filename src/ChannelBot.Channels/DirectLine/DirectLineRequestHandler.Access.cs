using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Logging;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChannelBot.Channels.DirectLine;

/// <summary>Who may call (tokens and the secret), the shared refusals in Direct Line's error shape, and reading watermarks and bearer tokens.</summary>
internal sealed partial class DirectLineRequestHandler
{
    /// <summary>Authenticates and finds the conversation of the route; the refusal when either fails.</summary>
    private async Task<(DirectLineConversation? Conversation, DirectLineCaller? Caller, IResult? Refusal)> AuthorizeAsync(HttpRequest request, string conversationId, CancellationToken cancellationToken)
    {
        var (caller, refusal) = await AuthenticateAsync(request, conversationId).ConfigureAwait(false);
        if (refusal is not null)
        {
            return (null, null, refusal);
        }

        var conversation = await conversations.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return conversation is null ? (null, null, NotFound()) : (conversation, caller, null);
    }

    private async Task<(DirectLineCaller? Caller, IResult? Refusal)> AuthenticateAsync(HttpRequest request, string? conversationId, bool allowSecret = true, bool allowToken = true)
    {
        if (!tokens.IsEnabled)
        {
            return (null, Refuse(StatusCodes.Status403Forbidden, DirectLineErrorCodes.ChannelDisabled, "Direct Line is not enabled on this server."));
        }

        var presented = BearerOf(request);
        if (presented is null)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return (null, Refuse(StatusCodes.Status401Unauthorized, DirectLineErrorCodes.Unauthorized, "Send 'Authorization: Bearer' with a Direct Line token."));
        }

        if (tokens.IsSecret(presented))
        {
            return allowSecret
                ? (DirectLineCaller.Secret, null)
                : (null, Refuse(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "This call takes a token, not the secret."));
        }

        if (!allowToken)
        {
            return (null, Refuse(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "This call takes the Direct Line secret."));
        }

        var check = await tokens.ValidateAsync(presented, stream: false).ConfigureAwait(false);
        switch (check.Status)
        {
            case DirectLineTokenStatus.Expired:
                return (null, Refuse(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenExpired, "The token has expired."));
            case DirectLineTokenStatus.Invalid:
                return (null, Refuse(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "The token is not valid."));
        }

        if (conversationId is not null && !string.Equals(conversationId, check.ConversationId, StringComparison.Ordinal))
        {
            return (null, Refuse(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "The token is for another conversation."));
        }

        return (new DirectLineCaller(false, check.ConversationId, check.UserId, check.UserName), null);
    }

    private IResult TooMany(HttpRequest request, string key, TimeSpan retryAfter, string message)
    {
        DirectLineLog.RateLimited(logger, key);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return DirectLineResponses.Error(StatusCodes.Status429TooManyRequests, DirectLineErrorCodes.TooManyRequests, message);
    }

    private IResult Full() =>
        Refuse(StatusCodes.Status429TooManyRequests, DirectLineErrorCodes.TooManyRequests, "The server holds as many conversations as it may; try again later.");

    private IResult NotFound() =>
        Refuse(StatusCodes.Status404NotFound, DirectLineErrorCodes.NotFound, "No such conversation (it may have ended); start a new one.");

    private IResult BadWatermark() =>
        Refuse(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The watermark is not one this server gave.");

    private IResult Refuse(int status, string code, string message)
    {
        DirectLineLog.RequestRefused(logger, status, code, message);
        return DirectLineResponses.Error(status, code, message);
    }

    /// <summary>Empty or absent: null (from the start). Otherwise a non-negative integer.</summary>
    internal static bool TryReadWatermark(HttpRequest request, out long? watermark)
    {
        var value = request.Query["watermark"].ToString();
        watermark = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            watermark = parsed;
            return true;
        }

        return false;
    }

    internal static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = header[Scheme.Length..].Trim();
        return value.Length == 0 ? null : value;
    }
}
