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
public sealed class DirectLineRequestHandler(
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

    /// <summary><c>POST /conversations/{id}/activities</c>: stamps, hands to the inbox, echoes; answers <c>{"id"}</c>.</summary>
    public async Task<IResult> PostActivityAsync(HttpRequest request, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (conversation, caller, refusal) = await AuthorizeAsync(request, conversationId, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var limited = Limit(request, conversation!);
        if (limited is not null)
        {
            return limited;
        }

        if (!string.IsNullOrEmpty(request.ContentType)
            && !(MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
                 && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                     || mediaType.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true)))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, DirectLineErrorCodes.UnsupportedMediaType, "An activity must be sent as application/json.");
        }

        var body = await BoundedBodyReader.ReadAsync(request, _options.MaxActivityBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig, $"The activity is larger than {_options.MaxActivityBytes} bytes.");
        }

        Activity activity;
        try
        {
            activity = ActivityJson.Deserialize(body.Bytes.Span);
        }
        catch (JsonException)
        {
            return Refuse(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The body is not a JSON activity object.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return Refuse(StatusCodes.Status400BadRequest, DirectLineErrorCodes.MissingProperty, "The activity has no type.");
        }

        return await AcceptAsync(request, conversation!, caller!, activity).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>GET /conversations/{id}/activities?watermark=</c>: what the client has not seen. Never a 5xx: a failure
    /// answers an empty set with the watermark the client sent, so directlinejs keeps polling.
    /// </summary>
    public async Task<IResult> PollAsync(HttpRequest request, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sent = request.Query["watermark"].ToString();
        try
        {
            var (conversation, _, refusal) = await AuthorizeAsync(request, conversationId, request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            if (!TryReadWatermark(request, out var watermark))
            {
                return BadWatermark();
            }

            conversation!.Touch(clock.GetUtcNow());
            var read = await conversation.ReadAsync(watermark ?? 0, request.HttpContext.RequestAborted, _options.MaxActivitiesPerPoll).ConfigureAwait(false);
            return DirectLineResponses.ActivitySet(read.Activities, read.Watermark.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            DirectLineLog.PollFailed(logger, exception, LogMask.Id(conversationId));
            return DirectLineResponses.ActivitySet([], sent);
        }
    }

    /// <summary><c>POST /conversations/{id}/upload?userId=</c>: files stored and linked from the activity's attachments.</summary>
    public async Task<IResult> UploadAsync(HttpRequest request, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (conversation, caller, refusal) = await AuthorizeAsync(request, conversationId, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var limited = Limit(request, conversation!);
        if (limited is not null)
        {
            return limited;
        }

        var upload = await DirectLineUploadReader.ReadAsync(request, _options, cancellationToken).ConfigureAwait(false);
        if (upload.Refused)
        {
            return Refuse(upload.RefusalStatus, upload.RefusalCode!, upload.RefusalMessage!);
        }

        var total = upload.Files.Sum(f => (long)f.Bytes.Length);
        if (!await conversation!.TryCountUploadsAsync(upload.Files.Count, total, _options.MaxUploadsPerConversation, _options.MaxUploadBytesPerConversation, cancellationToken).ConfigureAwait(false))
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig, $"This conversation may upload at most {_options.MaxUploadsPerConversation} files and {_options.MaxUploadBytesPerConversation} bytes in all.");
        }

        var activity = upload.Activity!;
        activity.Type ??= ActivityTypes.Message;
        var userId = request.Query["userId"].ToString();
        if (caller!.WithSecret && string.IsNullOrWhiteSpace(activity.From?.Id) && !string.IsNullOrWhiteSpace(userId))
        {
            activity.From = new ChannelAccount { Id = userId };
        }

        var publicBase = DirectLineRoutes.PublicBase(request, _options);
        var linked = activity.Attachments ?? [];
        long bytes = 0;
        for (var index = 0; index < upload.Files.Count; index++)
        {
            var file = upload.Files[index];
            var fileId = await attachments.SaveAsync(file.ContentType, file.Bytes, cancellationToken).ConfigureAwait(false);
            bytes += file.Bytes.Length;
            if (index >= linked.Count)
            {
                linked.Add(new Attachment());
            }

            linked[index].ContentType = file.ContentType;
            linked[index].ContentUrl = DirectLineRoutes.AttachmentUrl(publicBase, fileId);
            linked[index].Name ??= file.FileName;
        }

        activity.Attachments = linked;
        DirectLineLog.Uploaded(logger, LogMask.Id(conversation!.Id), upload.Files.Count, bytes);
        return await AcceptAsync(request, conversation, caller, activity).ConfigureAwait(false);
    }

    /// <summary><c>GET /attachments/{fileId}</c>: an uploaded file. The unguessable id is the key (an img tag sends no token).</summary>
    public IResult GetAttachment(HttpResponse response, string fileId)
    {
        ArgumentNullException.ThrowIfNull(response);
        var file = tokens.IsEnabled ? attachments.Open(fileId) : null;
        if (file is null)
        {
            return NotFound();
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, max-age=86400";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.Stream(file.Content, file.ContentType);
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

    private async Task<IResult> AcceptAsync(HttpRequest request, DirectLineConversation conversation, DirectLineCaller caller, Activity activity)
    {
        var now = clock.GetUtcNow();
        var index = await conversation.ReserveAsync(CancellationToken.None).ConfigureAwait(false);
        var settled = false;
        try
        {
            var id = conversation.IdOf(index);
            DirectLineActivityMapper.Stamp(activity, conversation, caller, _options, id, now);
            InboundLimits.Apply(activity);
            var forwarded = DirectLineActivityMapper.IsForwarded(activity);
            if (forwarded)
            {
                try
                {
                    // Not the request's token: once the inbox has the activity, the echo must appear too.
                    if (await sink.AcceptAsync(ActivityJson.Clone(activity), CancellationToken.None).ConfigureAwait(false) == InboundAcceptance.Refused)
                    {
                        conversation.Abandon(index);
                        settled = true;
                        return Refuse(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, InboundLimits.Problem(activity) ?? "The activity cannot be stored.");
                    }
                }
                catch (Exception exception)
                {
                    conversation.Abandon(index);
                    settled = true;
                    DirectLineLog.SinkFailed(logger, exception, LogMask.Id(conversation.Id));
                    request.HttpContext.Response.Headers.RetryAfter = DirectLineResponses.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    return DirectLineResponses.Error(StatusCodes.Status503ServiceUnavailable, DirectLineErrorCodes.ServiceError, "The activity could not be stored; send it again.");
                }
            }

            settled = true;
            if (!await conversation.CompleteAsync(index, activity, DirectLineActivityMapper.IsDelivered(activity), now).ConfigureAwait(false))
            {
                DirectLineLog.LogNotStored(logger, LogMask.Id(conversation.Id), id);
            }

            DirectLineLog.ActivityAccepted(logger, id, activity.Type!, LogMask.Id(conversation.Id), forwarded);
            return DirectLineResponses.Resource(id);
        }
        finally
        {
            if (!settled)
            {
                conversation.Abandon(index);
            }
        }
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

    private IResult? Limit(HttpRequest request, DirectLineConversation conversation)
    {
        if (!conversation.Posts.TryTake(clock.GetUtcNow(), out var retryAfter))
        {
            return TooMany(request, LogMask.Id(conversation.Id), retryAfter, "Too many activities in this conversation; slow down.");
        }

        if (conversation.Count >= _options.MaxActivitiesPerConversation)
        {
            return TooMany(request, LogMask.Id(conversation.Id), TimeSpan.FromHours(1), "This conversation is full; start a new one.");
        }

        return null;
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

    private static string NewUserId() => "dl_" + RandomNumberGenerator.GetString(UserIdAlphabet, 20);
}
