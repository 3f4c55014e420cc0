namespace ChannelBot.Application.Photos;

/// <summary>
/// Fetches a resident's media from the channel that holds it, with that channel's credentials (Twilio: Basic auth;
/// Graph: none; the Emulator: none). A channel without one of its own is fetched with no credentials.
/// </summary>
public interface IChannelMediaClient
{
    bool Handles(string channelId);

    /// <summary>Starts the download; the caller reads the body within its own size limit and disposes the response.</summary>
    Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken cancellationToken);
}
