using System.Net.WebSockets;
using ChannelBot.Application.Logging;
using ChannelBot.Channels.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// <c>GET /conversations/{id}/stream</c>: the WebSocket. It opens with the stream token from <c>streamUrl</c>
/// (<c>t=</c>; a browser sends no Authorization header) or, for other clients, a Bearer secret or token. Each new
/// socket first replays every activity after the URL's watermark, then sends ActivitySets as JSON text frames as
/// the log grows, and an empty frame when idle for the keep-alive interval. What the client sends (directlinejs
/// pings with empty frames) is read and ignored.
/// </summary>
internal sealed class DirectLineStreamHandler(
    IOptions<DirectLineOptions> options,
    DirectLineTokens tokens,
    DirectLineConversations conversations,
    TimeProvider clock,
    ILogger<DirectLineStreamHandler> logger)
{
    private const int MaxClientFrameBytes = 64 * 1024;

    private readonly DirectLineOptions _options = options.Value;

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var conversationId = context.Request.RouteValues[DirectLineRoutes.ConversationId] as string ?? string.Empty;
        var refusal = await AuthorizeAsync(context.Request, conversationId).ConfigureAwait(false);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var conversation = await conversations.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false);
        if (conversation is null)
        {
            await DirectLineResponses.Error(StatusCodes.Status404NotFound, DirectLineErrorCodes.NotFound, "No such conversation.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (!DirectLineRequestHandler.TryReadWatermark(context.Request, out var watermark))
        {
            await DirectLineResponses.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The watermark is not one this server gave.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await DirectLineResponses.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "This is a WebSocket endpoint.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var registration = conversation.OpenSocket(_options.MaxSocketsPerConversation);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(registration.Token, context.RequestAborted);
        DirectLineLog.SocketOpened(logger, LogMask.Id(conversation.Id), watermark ?? 0);
        var reason = "client closed";
        try
        {
            reason = await RunAsync(socket, conversation, watermark ?? 0, stop.Token).ConfigureAwait(false);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                var status = reason == "client closed" ? WebSocketCloseStatus.NormalClosure : WebSocketCloseStatus.PolicyViolation;
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(status, reason, closing.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            reason = exception.GetType().Name;
        }
        catch (Exception exception)
        {
            // The log could not be read (its store failed): the socket ends and the client reconnects with its watermark.
            reason = "log unavailable";
            DirectLineLog.StreamFailed(logger, exception, LogMask.Id(conversation.Id));
            socket.Abort();
        }
        finally
        {
            conversation.CloseSocket(registration);
            DirectLineLog.SocketClosed(logger, LogMask.Id(conversation.Id), reason);
        }
    }

    private async Task<string> RunAsync(WebSocket socket, DirectLineConversation conversation, long watermark, CancellationToken stop)
    {
        var receiving = DrainAsync(socket, stop);
        var cancelled = Task.Delay(Timeout.Infinite, stop);
        while (true)
        {
            var changed = conversation.Changed;
            bool more;
            do
            {
                // One page per frame, so a replay from far back is sent in bounded pieces.
                var read = await conversation.ReadAsync(watermark, stop, _options.MaxActivitiesPerPoll).ConfigureAwait(false);
                if (read.Activities.Count > 0)
                {
                    var frame = DirectLineResponses.ActivitySetBytes(read.Activities, read.Watermark);
                    await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, stop).ConfigureAwait(false);
                }

                more = read.Activities.Count >= _options.MaxActivitiesPerPoll && read.Watermark > watermark;
                watermark = read.Watermark;
            }
            while (more);
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var keepAlive = Task.Delay(_options.KeepAliveInterval, clock, idle.Token);
            var woke = await Task.WhenAny(changed, keepAlive, receiving, cancelled).ConfigureAwait(false);
            await idle.CancelAsync().ConfigureAwait(false);
            if (woke == receiving)
            {
                return "client closed";
            }

            if (stop.IsCancellationRequested)
            {
                return conversation.Dropped.IsCancellationRequested ? "conversation ended" : "collision";
            }

            if (woke == keepAlive && !changed.IsCompleted)
            {
                await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, stop).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads and discards what the client sends; completes when it closes (or the socket fails).</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationToken stop)
    {
        var buffer = new byte[4096];
        var messageBytes = 0;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, stop).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                messageBytes = result.EndOfMessage ? 0 : messageBytes + result.Count;
                if (messageBytes > MaxClientFrameBytes)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // The socket is gone; the send loop notices.
        }
    }

    private async Task<IResult?> AuthorizeAsync(HttpRequest request, string conversationId)
    {
        if (!tokens.IsEnabled)
        {
            return DirectLineResponses.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.ChannelDisabled, "Direct Line is not enabled on this server.");
        }

        var streamToken = request.Query["t"].ToString();
        DirectLineTokenCheck check;
        if (!string.IsNullOrEmpty(streamToken))
        {
            check = await tokens.ValidateAsync(streamToken, stream: true).ConfigureAwait(false);
        }
        else if (DirectLineRequestHandler.BearerOf(request) is { } bearer)
        {
            if (tokens.IsSecret(bearer))
            {
                return null;
            }

            check = await tokens.ValidateAsync(bearer, stream: false).ConfigureAwait(false);
        }
        else
        {
            return DirectLineResponses.Error(StatusCodes.Status401Unauthorized, DirectLineErrorCodes.Unauthorized, "The stream needs the streamUrl's token.");
        }

        return check.Status switch
        {
            DirectLineTokenStatus.Expired => DirectLineResponses.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenExpired, "The stream token has expired; reconnect for a new streamUrl."),
            DirectLineTokenStatus.Invalid => DirectLineResponses.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "The token is not valid."),
            _ when !string.Equals(check.ConversationId, conversationId, StringComparison.Ordinal) =>
                DirectLineResponses.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "The token is for another conversation."),
            _ => null,
        };
    }
}
