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

/// <summary>Posting, polling and uploading activities, and serving uploaded files: each within the conversation's limits.</summary>
internal sealed partial class DirectLineRequestHandler
{
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
}
