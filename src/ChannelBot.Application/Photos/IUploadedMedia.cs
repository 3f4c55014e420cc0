namespace ChannelBot.Application.Photos;

/// <summary>
/// Media a channel already holds on this server (a web chat upload): read from its store, never fetched over HTTP,
/// not even from the app's own public URL.
/// </summary>
public interface IUploadedMedia
{
    bool Handles(string channelId);

    /// <summary>The stored file <paramref name="url"/> names, or null when it names none of this channel's uploads.</summary>
    Task<Stream?> OpenAsync(Uri url, CancellationToken cancellationToken);
}
