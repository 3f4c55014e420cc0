using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChannelBot.Channels.Common;

/// <summary>Reading a provider's answer to our own request: bounded in size, and JSON that does not parse is no answer.</summary>
internal static class ProviderResponse
{
    /// <summary>The body, or empty when it runs past <paramref name="maxBytes"/> (a provider never answers that much).</summary>
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return [];
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>The parsed body, or null when it is empty or not the JSON expected.</summary>
    public static T? Parse<T>(byte[] bytes, JsonTypeInfo<T> type)
        where T : class
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
