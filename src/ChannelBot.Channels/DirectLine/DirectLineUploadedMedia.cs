using ChannelBot.Application.Photos;
using ChannelBot.Schema;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Web chat photos are files residents uploaded to this server: the photo collector reads them from the upload store
/// by the id in their URL (<c>…/v3/directline/attachments/{fileId}</c>), never over HTTP. A web chat attachment that
/// names anything else (a link posted in an activity) is not fetched at all.
/// </summary>
internal sealed class DirectLineUploadedMedia(IDirectLineAttachmentStore store) : IUploadedMedia
{
    private const string Marker = DirectLineRoutes.Base + "/attachments/";

    public bool Handles(string channelId) => channelId is ChannelIds.DirectLine or ChannelIds.WebChat;

    public Task<Stream?> OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.AbsolutePath;
        var at = path.LastIndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return Task.FromResult<Stream?>(null);
        }

        var fileId = path[(at + Marker.Length)..];
        if (fileId.Length == 0 || fileId.Contains('/', StringComparison.Ordinal))
        {
            return Task.FromResult<Stream?>(null);
        }

        return Task.FromResult(store.Open(fileId)?.Content);
    }
}
