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

/// <summary>
/// The REST side of Direct Line 3.0: tokens, start, reconnect, post,
/// poll, upload, plus the files uploads are served from and <c>/api/chat/session</c>. Every error has the
/// service's shape (<c>{"error":{"code","message"}}</c>); a poll never answers 5xx.
/// </summary>
internal sealed partial class DirectLineRequestHandler(
    IOptions<DirectLineOptions> options,
    DirectLineTokens tokens,
    DirectLineConversations conversations,
    IDirectLineAttachmentStore attachments,
    DirectLineSessionLimiter sessionLimiter,
    DirectLineCors cors,
    IInboundActivitySink sink,
    TimeProvider clock,
    ILogger<DirectLineRequestHandler> logger)
{
    private const int MaxStartBodyBytes = 16 * 1024;
    private const int MaxUserIdLength = 256;
    private const string UserIdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly DirectLineOptions _options = options.Value;

    /// <summary><c>POST /tokens/generate</c> (secret only): a new conversation and a token bound to it and a user.</summary>
    public async Task<IResult> GenerateTokenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, refusal) = await AuthenticateAsync(request, conversationId: null, allowToken: false).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var (body, bad) = await ReadStartBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        var conversation = await conversations.CreateAsync(body?.User?.Id ?? NewUserId(), body?.User?.Name, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return Full();
        }

        var token = tokens.Issue(conversation.Id, conversation.UserId, conversation.UserName);
        return DirectLineResponses.Conversation(new DirectLineConversationResponse
        {
            ConversationId = conversation.Id,
            Token = token.Token,
            ExpiresIn = token.ExpiresIn,
        });
    }

    /// <summary><c>POST /tokens/refresh</c> (token only): a fresh token for the same conversation and user.</summary>
    public async Task<IResult> RefreshTokenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await AuthenticateAsync(request, conversationId: null, allowSecret: false).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var conversation = await conversations.FindAsync(caller!.ConversationId!, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return NotFound();
        }

        var token = tokens.Issue(conversation.Id, conversation.UserId, conversation.UserName);
        return DirectLineResponses.Conversation(new DirectLineConversationResponse
        {
            ConversationId = conversation.Id,
            Token = token.Token,
            ExpiresIn = token.ExpiresIn,
        });
    }

    /// <summary>
    /// <c>POST /conversations</c>: with the secret, a new conversation; with a token, the token's conversation. 201 the
    /// first time (the bot is told the resident joined), 200 after. Always a token and a streamUrl.
    /// </summary>
    public async Task<IResult> StartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, refusal) = await AuthenticateAsync(request, conversationId: null).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var (body, bad) = await ReadStartBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        var now = clock.GetUtcNow();
        var conversation = caller!.WithSecret
            ? await conversations.CreateAsync(body?.User?.Id ?? NewUserId(), body?.User?.Name, now, cancellationToken).ConfigureAwait(false)
            : await conversations.FindAsync(caller.ConversationId!, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return caller.WithSecret ? Full() : NotFound();
        }

        conversation.Touch(now);
        var first = await conversation.MarkStartedAsync(CancellationToken.None).ConfigureAwait(false);
        if (first)
        {
            DirectLineLog.ConversationStarted(logger, LogMask.Id(conversation.Id), LogMask.Id(conversation.UserId));
            await JoinAsync(conversation, body?.Locale, now).ConfigureAwait(false);
        }

        return DirectLineResponses.Conversation(
            Describe(request, conversation, watermark: null),
            first ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary><c>GET /conversations/{id}?watermark=</c>: resume or reconnect; a new token and a streamUrl that replays after the watermark.</summary>
    public async Task<IResult> ReconnectAsync(HttpRequest request, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (conversation, _, refusal) = await AuthorizeAsync(request, conversationId, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!TryReadWatermark(request, out var watermark))
        {
            return BadWatermark();
        }

        conversation!.Touch(clock.GetUtcNow());
        return DirectLineResponses.Conversation(Describe(request, conversation, watermark));
    }

    /// <summary>
    /// <c>POST /api/chat/session</c>: a page's way to a token without the secret. Allowed for the app's own origin,
    /// the configured ones and non-browser callers; rate limited per client address.
    /// </summary>
    public async Task<IResult> SessionAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!tokens.IsEnabled)
        {
            return Refuse(StatusCodes.Status403Forbidden, DirectLineErrorCodes.ChannelDisabled, "Web chat is not enabled on this server.");
        }

        if (!cors.IsAllowed(request))
        {
            return Refuse(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "This origin may not open web chat sessions.");
        }

        var now = clock.GetUtcNow();
        var client = request.HttpContext.Connection.RemoteIpAddress;
        if (!sessionLimiter.TryTake(client, now, out var retryAfter))
        {
            return TooMany(request, "session:" + LogMask.Id(ClientNetwork.Of(client)), retryAfter, "Too many sessions from this address; try again later.");
        }

        var conversation = await conversations.CreateAsync(NewUserId(), null, now, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (conversation is null)
        {
            return Full();
        }

        var token = tokens.Issue(conversation.Id, conversation.UserId, null);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Json(
            new DirectLineSessionResponse
            {
                Token = token.Token,
                ConversationId = conversation.Id,
                UserId = conversation.UserId,
                ExpiresIn = token.ExpiresIn,
                Domain = DirectLineRoutes.Domain(DirectLineRoutes.PublicBase(request, _options)),
            },
            DirectLineJsonContext.Default.DirectLineSessionResponse);
    }

    private async Task JoinAsync(DirectLineConversation conversation, string? locale, DateTimeOffset now)
    {
        var join = DirectLineActivityMapper.Join(conversation, locale);
        long index;
        try
        {
            index = await conversation.ReserveAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            DirectLineLog.JoinFailed(logger, exception, LogMask.Id(conversation.Id));
            return;
        }

        DirectLineActivityMapper.Stamp(join, conversation, new DirectLineCaller(false, conversation.Id, conversation.UserId, conversation.UserName), _options, conversation.IdOf(index), now);
        try
        {
            await sink.AcceptAsync(ActivityJson.Clone(join), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            conversation.Abandon(index);
            DirectLineLog.JoinFailed(logger, exception, LogMask.Id(conversation.Id));
            return;
        }

        await conversation.CompleteAsync(index, join, visible: false, now).ConfigureAwait(false);
    }

    private DirectLineConversationResponse Describe(HttpRequest request, DirectLineConversation conversation, long? watermark)
    {
        var token = tokens.Issue(conversation.Id, conversation.UserId, conversation.UserName);
        var stream = tokens.IssueStream(conversation.Id, conversation.UserId);
        return new DirectLineConversationResponse
        {
            ConversationId = conversation.Id,
            Token = token.Token,
            ExpiresIn = token.ExpiresIn,
            StreamUrl = DirectLineRoutes.StreamUrl(DirectLineRoutes.PublicBase(request, _options), conversation.Id, stream.Token, watermark),
        };
    }

    private async Task<(DirectLineStartRequest? Body, IResult? Refusal)> ReadStartBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return (null, null);
        }

        var body = await BoundedBodyReader.ReadAsync(request, MaxStartBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return (null, Refuse(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig, $"The body is larger than {MaxStartBodyBytes} bytes."));
        }

        if (body.Bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, null);
        }

        DirectLineStartRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(body.Bytes.Span, DirectLineJsonContext.Default.DirectLineStartRequest);
        }
        catch (JsonException)
        {
            return (null, Refuse(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The body is not a JSON object."));
        }

        var userId = parsed?.User?.Id;
        if (userId is not null && (userId.Length is 0 or > MaxUserIdLength || userId.Any(char.IsControl) || string.IsNullOrWhiteSpace(userId)))
        {
            return (null, Refuse(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, $"user.id must be 1 to {MaxUserIdLength} printable characters."));
        }

        return (parsed, null);
    }

    private static string NewUserId() => "dl_" + RandomNumberGenerator.GetString(UserIdAlphabet, 20);
}
