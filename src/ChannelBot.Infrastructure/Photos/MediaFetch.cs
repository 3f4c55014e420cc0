namespace ChannelBot.Infrastructure.Photos;

/// <summary>A fetched photo (its bytes and the type they are), or why there is none and whether trying again could help.</summary>
internal sealed record MediaFetch(MemoryStream? Body, string? ContentType, string? Failure, bool Permanent)
{
    public static MediaFetch Stored(MemoryStream body, string contentType) => new(body, contentType, null, false);

    public static MediaFetch Refused(string reason) => new(null, null, reason, true);

    public static MediaFetch Failed(string reason) => new(null, null, reason, false);
}
