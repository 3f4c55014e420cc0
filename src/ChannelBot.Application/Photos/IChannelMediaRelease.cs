namespace ChannelBot.Application.Photos;

/// <summary>
/// Deletes a resident's media at the channel that holds it, once the city's copy is committed (residents' photos
/// are personal data; Twilio keeps inbound media until its Media resource is deleted). A channel without one keeps
/// nothing to delete.
/// </summary>
public interface IChannelMediaRelease
{
    bool Handles(string channelId);

    /// <returns>Null when the media is gone (deleted now, or before); otherwise why not, and it is tried again later.</returns>
    Task<string?> ReleaseAsync(Uri url, CancellationToken cancellationToken);
}
