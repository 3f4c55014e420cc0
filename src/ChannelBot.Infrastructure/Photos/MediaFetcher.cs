using System.Collections.Concurrent;
using System.Net;
using ChannelBot.Application.Photos;
using ChannelBot.Dialogs.Definitions;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Photos;

/// <summary>
/// The one way a resident's media reaches the city's store, whatever the channel. A web chat upload is read from
/// this server's own store (<see cref="IUploadedMedia"/>). Anything else is fetched over http(s) only from the hosts
/// its channel names (<see cref="IChannelMediaAccess.MediaHosts"/> and <see cref="MediaFetchOptions.AllowedHosts"/>),
/// only to public addresses (<see cref="GuardedConnection"/>), following at most
/// <see cref="MediaFetchOptions.MaxRedirects"/> redirects by hand (each hop checked again; credentials only on the
/// provider's own API host), within <see cref="PhotoOptions.MaxBytes"/> and <see cref="PhotoOptions.DownloadTimeout"/>,
/// with at most <see cref="MediaFetchOptions.MaxParallelPerHost"/> downloads per host. The bytes decide the type
/// (<see cref="PhotoFormats.Sniff"/>); anything that is not a photo is refused.
/// </summary>
internal sealed class MediaFetcher(
    IHttpClientFactory clients,
    IEnumerable<IChannelMediaAccess> channels,
    IEnumerable<IUploadedMedia> uploads,
    IOptions<MediaFetchOptions> options,
    IOptions<PhotoOptions> photos)
{
    public const string HttpClientName = "media";

    private readonly MediaFetchOptions _options = options.Value;
    private readonly PhotoOptions _photos = photos.Value;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<MediaFetch> FetchAsync(string channelId, string sourceUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(sourceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return MediaFetch.Refused("The photo's address is not an http(s) URL.");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_photos.DownloadTimeout);
        try
        {
            if (uploads.FirstOrDefault(u => u.Handles(channelId)) is { } upload)
            {
                var stream = await upload.OpenAsync(url, deadline.Token).ConfigureAwait(false);
                if (stream is null)
                {
                    return MediaFetch.Refused("The photo is not a file uploaded to this web chat.");
                }

                await using (stream.ConfigureAwait(false))
                {
                    return await ReadPhotoAsync(stream, null, deadline.Token).ConfigureAwait(false);
                }
            }

            var host = _hosts.GetOrAdd(url.IdnHost, _ => new SemaphoreSlim(Math.Max(1, _options.MaxParallelPerHost)));
            await host.WaitAsync(deadline.Token).ConfigureAwait(false);
            try
            {
                return await DownloadAsync(channelId, url, deadline.Token).ConfigureAwait(false);
            }
            finally
            {
                host.Release();
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or OperationCanceledException or IOException)
        {
            return Refusal(exception) is { } refused
                ? MediaFetch.Refused(refused)
                : MediaFetch.Failed($"The photo could not be fetched: {exception.GetType().Name}: {exception.Message}");
        }
    }

    private async Task<MediaFetch> DownloadAsync(string channelId, Uri url, CancellationToken cancellationToken)
    {
        var access = channels.FirstOrDefault(c => c.Handles(channelId));
        var hosts = (access?.MediaHosts ?? []).Concat(_options.AllowedHosts.GetValueOrDefault(channelId) ?? []).ToList();
        var client = clients.CreateClient(HttpClientName);
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (!IsAllowedHost(current, hosts))
            {
                return MediaFetch.Refused($"'{current.IdnHost}' is not a host {channelId} media may come from.");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            access?.Authorize(request);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                if (hop >= _options.MaxRedirects)
                {
                    return MediaFetch.Refused($"The photo's address redirects more than {_options.MaxRedirects} times.");
                }

                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (next.Scheme != Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttp)
                {
                    return MediaFetch.Refused($"The photo's address redirects to a {next.Scheme} URL.");
                }

                current = next;
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var permanent = status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout);
                return permanent
                    ? MediaFetch.Refused($"The channel answered {status} for the photo.")
                    : MediaFetch.Failed($"The channel answered {status} for the photo.");
            }

            if (response.Content.Headers.ContentLength > _photos.MaxBytes)
            {
                return MediaFetch.Refused($"The photo is larger than {_photos.MaxBytes} bytes.");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                return await ReadPhotoAsync(body, response.Content.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads at most <see cref="PhotoOptions.MaxBytes"/> and keeps the body only when its first bytes are a photo.</summary>
    private async Task<MediaFetch> ReadPhotoAsync(Stream source, long? declaredLength, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream(declaredLength is > 0 and var length && length <= _photos.MaxBytes ? (int)length : 64 * 1024);
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + read > _photos.MaxBytes)
            {
                await copy.DisposeAsync().ConfigureAwait(false);
                return MediaFetch.Refused($"The photo is larger than {_photos.MaxBytes} bytes.");
            }

            copy.Write(buffer, 0, read);
        }

        var type = PhotoFormats.Sniff(copy.GetBuffer().AsSpan(0, (int)Math.Min(copy.Length, PhotoFormats.HeaderLength)));
        if (type is null || !_photos.EffectiveContentTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            await copy.DisposeAsync().ConfigureAwait(false);
            return MediaFetch.Refused("The file is not a photo type that is kept (JPEG, PNG, GIF, WebP or HEIC, read from its bytes).");
        }

        copy.Position = 0;
        return MediaFetch.Stored(copy, type);
    }

    internal static bool IsAllowedHost(Uri url, IEnumerable<string> patterns)
    {
        var host = url.IdnHost.TrimEnd('.');
        foreach (var pattern in patterns)
        {
            if (pattern == "*"
                || string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase)
                || (pattern.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Refusal(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is MediaAddressRefusedException refused)
            {
                return refused.Message;
            }
        }

        return null;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
