using ChannelBot.Application.Delivery;
using ChannelBot.Application.Logging;
using ChannelBot.Application.Outbound;
using ChannelBot.Application.Photos;
using ChannelBot.Channels.Email;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Domain.Cases;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChannelBot.Channels.Departments;

/// <summary>
/// Delivers a case to its department's mailbox: the payload the hand-off wrote, composed for a crew
/// (<see cref="DepartmentEmailComposer"/>) with the case's photos attached, and handed to the same mail transport and
/// SMTP answers as every email (<see cref="EmailSubmission"/>): sent, tried again on the outbox's schedule, or failed for
/// good, for staff to see on the case; the Message-ID (made from the case's idempotency key, the same on every try) is
/// kept as the delivery's id. Department mailboxes are not residents: no opt-out list applies and no unsubscribe link
/// is added. Photos still being copied from the channel are waited for (without using up the delivery's tries) for up
/// to <see cref="PhotoWait"/> after filing; then the email goes with what there is.
/// </summary>
internal sealed partial class DepartmentEmailSender(
    IOptionsMonitor<DepartmentDeliveryOptions> departments,
    IOptionsMonitor<EmailOptions> email,
    IEmailTransport transport,
    ICasePhotoSource photos,
    IPhotoStore store,
    TimeProvider clock,
    ILogger<DepartmentEmailSender> logger) : IChannelSender
{
    /// <summary>The most photo bytes one email carries (mail servers commonly refuse messages over 10–25 MB once encoded).</summary>
    public const long MaxAttachmentBytes = 7 * 1024 * 1024;

    /// <summary>How long after filing the email waits for photos still being copied.</summary>
    public static readonly TimeSpan PhotoWait = TimeSpan.FromMinutes(10);

    /// <summary>How often it looks again meanwhile.</summary>
    public static readonly TimeSpan PhotoPoll = TimeSpan.FromSeconds(2);

    public bool Handles(string channelId) => string.Equals(channelId, DepartmentDelivery.EmailChannel, StringComparison.Ordinal);

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = message.Activity;
        var department = activity.Conversation?.Id;
        if (!departments.CurrentValue.EmailsTo(department))
        {
            return Failed(message, department, $"department '{department}' no longer gets cases by email (Departments:Email:{department}:Enabled)");
        }

        if (!transport.IsAvailable)
        {
            return Failed(message, department, "no mail server is configured (Email:Host)");
        }

        if (activity.Recipient?.Id is not { Length: > 0 } address || !MailboxAddress.TryParse(address, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
        {
            return Failed(message, department, "the delivery has no valid department email address");
        }

        var options = email.CurrentValue;
        var console = string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? null : options.PublicBaseUrl.Trim().TrimEnd('/') + "/staff";
        if (string.IsNullOrEmpty(activity.Id) || activity.Value is not { } payload
            || DepartmentEmailContent.FromPayload(activity.Id, payload, console) is not { } content)
        {
            return Failed(message, department, "the delivery has no payload");
        }

        var casePhotos = await photos.PhotosOfAsync(content.CaseId, cancellationToken).ConfigureAwait(false);
        if (casePhotos.Any(p => p.Status == PhotoStatus.Pending) && clock.GetUtcNow() - (activity.Timestamp ?? DateTimeOffset.MinValue) < PhotoWait)
        {
            return SendResult.Throttle("waiting for the resident's photos to be copied before emailing the department", PhotoPoll);
        }

        var (attachments, notes) = await AttachAsync(content.Ticket, casePhotos, cancellationToken).ConfigureAwait(false);
        var mime = DepartmentEmailComposer.Compose(content, mailbox, options, attachments, notes);
        var result = await EmailSubmission.SendAsync(transport, mime, options.SendTimeout, logger, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                LogDelivered(message.Id, department!, LogMask.Email(address), attachments.Count);
                break;
            case SendOutcome.RetryLater:
                LogRetry(message.Id, department!, result.Error!);
                break;
            default:
                LogFailed(message.Id, department!, result.Error!);
                break;
        }

        return result;
    }

    /// <summary>The stored photos that fit in <see cref="MaxAttachmentBytes"/>, typed by their bytes; a note for each one that is not attached.</summary>
    private async Task<(List<DepartmentEmailAttachment> Attachments, List<string> Notes)> AttachAsync(string ticket, IReadOnlyList<DeliveryPhoto> casePhotos, CancellationToken cancellationToken)
    {
        var attachments = new List<DepartmentEmailAttachment>();
        var notes = new List<string>();
        var left = MaxAttachmentBytes;
        foreach (var photo in casePhotos)
        {
            if (photo.Status != PhotoStatus.Stored || photo.StoredPath is null)
            {
                notes.Add($"photo {photo.Number}: not attached ({(photo.Status == PhotoStatus.Pending ? "still being copied from the channel" : "the city has no copy")})");
                continue;
            }

            await using var stream = store.OpenRead(photo.StoredPath);
            var bytes = stream is null ? null : await ReadAtMostAsync(stream, left, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                notes.Add(stream is null ? $"photo {photo.Number}: not attached (the city's copy is missing)" : $"photo {photo.Number}: not attached (too large for one email; see it in the staff console)");
                continue;
            }

            if (PhotoFormats.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, PhotoFormats.HeaderLength))) is not { } type)
            {
                notes.Add($"photo {photo.Number}: not attached (not a photo)");
                continue;
            }

            left -= bytes.Length;
            attachments.Add(new DepartmentEmailAttachment($"{ticket}-photo-{photo.Number}{Extension(type)}", bytes, type));
        }

        return (attachments, notes);
    }

    /// <summary>The whole stream when it is at most <paramref name="limit"/> bytes, else null (read no further than that).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + read > limit)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private static string Extension(string contentType) => contentType switch
    {
        PhotoFormats.Jpeg => ".jpg",
        PhotoFormats.Png => ".png",
        PhotoFormats.Gif => ".gif",
        PhotoFormats.WebP => ".webp",
        PhotoFormats.Heic => ".heic",
        PhotoFormats.Heif => ".heif",
        _ => string.Empty,
    };

    private SendResult Failed(OutboundMessage message, string? department, string error)
    {
        LogFailed(message.Id, department ?? "?", error);
        return SendResult.Failed(error);
    }

    [LoggerMessage(EventId = 4711, Level = LogLevel.Information, Message = "Outbox row {Id}: case emailed to {Department} at {To} with {Photos} photos.")]
    private partial void LogDelivered(long id, string department, string to, int photos);

    [LoggerMessage(EventId = 4712, Level = LogLevel.Warning, Message = "Outbox row {Id}: emailing the case to {Department} will be tried again: {Error}.")]
    private partial void LogRetry(long id, string department, string error);

    [LoggerMessage(EventId = 4713, Level = LogLevel.Error, Message = "Outbox row {Id}: the case could not be emailed to {Department}: {Error}.")]
    private partial void LogFailed(long id, string department, string error);
}
