using Microsoft.AspNetCore.Http;

namespace ChannelBot.Channels.Common;

/// <summary>
/// Reads a request body as raw bytes (what signatures are computed over) and stops as soon as it passes a
/// hard limit, so an oversized body is refused without being buffered.
/// </summary>
public static class BoundedBodyReader
{
    public static async Task<BoundedBody> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);

        if (request.ContentLength is { } declared && declared > maxBytes)
        {
            return BoundedBody.Oversized;
        }

        var initialCapacity = (int)Math.Min(Math.Min(request.ContentLength ?? 4096, maxBytes), 64 * 1024);
        using var buffer = new MemoryStream(initialCapacity);
        var chunk = new byte[(int)Math.Min(16 * 1024, maxBytes + 1)];
        while (true)
        {
            var read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return new BoundedBody(buffer.ToArray(), TooLarge: false);
            }

            if (buffer.Length + read > maxBytes)
            {
                return BoundedBody.Oversized;
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
