using System.Buffers;
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

        if (request.ContentLength is { } declared)
        {
            if (declared > maxBytes)
            {
                return BoundedBody.Oversized;
            }

            // The usual case: the length is declared, so the bytes go straight into one array of that size
            // (no growing buffer, no copy).
            if (declared <= 1024 * 1024)
            {
                return await ReadDeclaredAsync(request.Body, (int)declared, maxBytes, cancellationToken).ConfigureAwait(false);
            }
        }

        return await ReadChunkedAsync(request.Body, ReadOnlyMemory<byte>.Empty, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<BoundedBody> ReadDeclaredAsync(Stream body, int length, long maxBytes, CancellationToken cancellationToken)
    {
        var bytes = length == 0 ? [] : new byte[length];
        var filled = 0;
        while (filled < length)
        {
            var read = await body.ReadAsync(bytes.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                // Shorter than declared (the server normally refuses this first): what arrived is the body.
                return new BoundedBody(bytes.AsMemory(0, filled), TooLarge: false);
            }

            filled += read;
        }

        // Kestrel enforces the declared length, so nothing follows; from a stream that does not, the rest is
        // read like an undeclared body, under the same limit.
        var probe = new byte[1];
        return await body.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0
            ? new BoundedBody(bytes, TooLarge: false)
            : await ReadChunkedAsync(body, bytes.Concat(probe).ToArray(), maxBytes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<BoundedBody> ReadChunkedAsync(Stream body, ReadOnlyMemory<byte> start, long maxBytes, CancellationToken cancellationToken)
    {
        if (start.Length > maxBytes)
        {
            return BoundedBody.Oversized;
        }

        using var buffer = new MemoryStream((int)Math.Min(maxBytes, Math.Max(4096, start.Length)));
        buffer.Write(start.Span);
        var chunk = ArrayPool<byte>.Shared.Rent((int)Math.Min(16 * 1024, maxBytes + 1));
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
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
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
