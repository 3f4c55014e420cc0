using System.Buffers;
using System.Net;
using System.Text.Json;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Connector;

/// <summary>
/// Turns a channel's answer to a send into a <see cref="SendResult"/>: 2xx sent (with the channel's activity
/// id); 429, 408 and 5xx worth retrying later (honouring <c>Retry-After</c>); 401 retried later (the sender has
/// already tried once with a fresh token, so the channel refuses our credentials: a configuration problem
/// that outlives this message only if nobody fixes it); every other 4xx, 403 included (the bot is not allowed
/// in that conversation), failed for good.
/// </summary>
internal static class ConnectorSendClassifier
{
    private const int MaxBodyBytes = 64 * 1024;

    public static async Task<SendResult> ClassifyAsync(HttpResponseMessage response, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var resource = await ReadAsync(response, static bytes => JsonSerializer.Deserialize(bytes, SchemaJsonContext.Default.ResourceResponse), cancellationToken).ConfigureAwait(false);
            return SendResult.Sent(resource?.Id);
        }

        var error = await ReadAsync(response, static bytes => JsonSerializer.Deserialize(bytes, SchemaJsonContext.Default.ErrorResponse), cancellationToken).ConfigureAwait(false);
        var description = Describe(status, error?.Error);
        var retryAfter = RetryAfterHeader.Read(response, timeProvider);
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout => SendResult.Retry(description, retryAfter),
            HttpStatusCode.Unauthorized => SendResult.Retry(description + "; the channel refuses the bot's credentials", retryAfter),
            _ when status >= 500 => SendResult.Retry(description, retryAfter),
            _ => SendResult.Failed(description),
        };
    }

    private static string Describe(int status, ErrorDetail? error) =>
        error?.Code is { Length: > 0 } code
            ? $"the channel answered {status} {code}: {Truncate(error.Message)}"
            : $"the channel answered {status}";

    private static string? Truncate(string? text) => text is { Length: > 200 } ? text[..200] + "…" : text;

    /// <summary>
    /// Reads at most 64 KiB of the body: the status decides the outcome, the body only explains it. The buffer
    /// is pooled (one 64 KiB array per send was half of everything the app allocated under load).
    /// </summary>
    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, Func<ReadOnlySpan<byte>, T?> parse, CancellationToken cancellationToken)
        where T : class
    {
        var rented = ArrayPool<byte>.Shared.Rent(MaxBodyBytes);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = rented.AsMemory(0, MaxBodyBytes);
                var length = 0;
                int read;
                while (length < buffer.Length && (read = await stream.ReadAsync(buffer[length..], cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }

                return length == 0 || length == buffer.Length ? null : parse(rented.AsSpan(0, length));
            }
        }
        catch (Exception exception) when (exception is JsonException or HttpRequestException or IOException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
