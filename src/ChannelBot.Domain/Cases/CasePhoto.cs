using ChannelBot.Domain.Common;

namespace ChannelBot.Domain.Cases;

/// <summary>
/// A photo attached to a case. It starts <see cref="PhotoStatus.Pending"/> with the channel's URL (which may
/// expire), and becomes <see cref="PhotoStatus.Stored"/> once our own copy exists, or
/// <see cref="PhotoStatus.Failed"/> when it cannot be copied. A failed copy may be tried again; a stored one is final.
/// </summary>
public sealed class CasePhoto
{
    /// <summary>A human-readable reason is cut to this many characters.</summary>
    public const int MaxFailureReasonLength = 500;

    internal CasePhoto(Guid id, int number, string sourceUrl, string contentType, string? fileName)
    {
        if (string.IsNullOrWhiteSpace(sourceUrl))
        {
            throw new DomainException("A photo needs the URL it came from.");
        }

        if (string.IsNullOrWhiteSpace(contentType))
        {
            throw new DomainException("A photo needs a content type.");
        }

        Id = id;
        Number = number;
        SourceUrl = sourceUrl;
        ContentType = contentType;
        FileName = string.IsNullOrWhiteSpace(fileName) ? null : fileName;
        Status = PhotoStatus.Pending;
    }

    // For the persistence layer.
    private CasePhoto()
    {
        SourceUrl = string.Empty;
        ContentType = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>1, 2, 3... in the order the resident sent the photos.</summary>
    public int Number { get; private set; }

    public string SourceUrl { get; private set; }

    public string ContentType { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>Where our copy is, relative to the photo store; set once stored.</summary>
    public string? StoredPath { get; private set; }

    public long? SizeBytes { get; private set; }

    public PhotoStatus Status { get; private set; }

    public string? FailureReason { get; private set; }

    /// <param name="contentType">The type the stored bytes are (read from them), which replaces the one the channel declared.</param>
    public void MarkStored(string storedPath, long sizeBytes, string? contentType = null)
    {
        if (Status == PhotoStatus.Stored)
        {
            throw new DomainException($"Photo {Id} is already stored at {StoredPath}.");
        }

        if (string.IsNullOrWhiteSpace(storedPath))
        {
            throw new DomainException("A stored photo needs the path of its copy.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);
        StoredPath = storedPath;
        SizeBytes = sizeBytes;
        ContentType = string.IsNullOrWhiteSpace(contentType) ? ContentType : contentType;
        FailureReason = null;
        Status = PhotoStatus.Stored;
    }

    /// <summary>Our copy is gone (the case's personal data was removed): no path, no size, nothing to fetch.</summary>
    public void MarkRemoved(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        StoredPath = null;
        SizeBytes = null;
        FailureReason = reason.Length <= MaxFailureReasonLength ? reason : reason[..MaxFailureReasonLength];
        Status = PhotoStatus.Removed;
    }

    public void MarkFailed(string reason)
    {
        if (Status == PhotoStatus.Stored)
        {
            throw new DomainException($"Photo {Id} is already stored; it cannot fail any more.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        FailureReason = reason.Length <= MaxFailureReasonLength ? reason : reason[..MaxFailureReasonLength];
        Status = PhotoStatus.Failed;
    }
}
