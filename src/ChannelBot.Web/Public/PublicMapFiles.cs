using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using ChannelBot.Infrastructure.Geo;
using Microsoft.Net.Http.Headers;

namespace ChannelBot.Web.Public;

/// <summary>
/// The city's own map layers at <c>/requests/map/{boundary,areas,streets}.geojson</c>, from the files the <c>Geo</c>
/// settings name (<see cref="CityMapFiles"/>): read when first asked for and again when a file changes, kept in memory
/// as they are and compressed (Brotli, gzip: the streets are about 1 MB of GeoJSON), with an ETag and an hour of caching.
/// A layer whose file is missing answers 404 and is not offered to the map.
/// </summary>
public sealed class PublicMapFiles(CityMapFiles files)
{
    /// <summary>The layers by name, in drawing order (the boundary under the areas under the streets).</summary>
    public static IReadOnlyList<string> LayerNames { get; } = ["boundary", "areas", "streets"];

    private const string GeoJson = "application/geo+json";

    private readonly ConcurrentDictionary<string, Lazy<Task<Layer>>> _layers = new(StringComparer.Ordinal);

    /// <summary>The URL of each layer whose file exists, by name.</summary>
    public IReadOnlyDictionary<string, string> Urls(string basePath) =>
        LayerNames.Where(name => Path(name) is { } file && File.Exists(file))
            .ToDictionary(name => name, name => $"{basePath}/requests/map/{name}.geojson", StringComparer.Ordinal);

    public async Task<IResult> ServeAsync(HttpContext http, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Path(name) is not { } path || !File.Exists(path))
        {
            return Results.NotFound();
        }

        Layer layer;
        try
        {
            layer = await CurrentAsync(name, path, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _layers.TryRemove(name, out _);   // read again next time
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        headers.CacheControl = "public, max-age=3600";
        headers.ETag = layer.ETag;
        headers.Vary = "Accept-Encoding";
        headers.XContentTypeOptions = "nosniff";
        headers.AccessControlAllowOrigin = "*";
        var etag = EntityTagHeaderValue.Parse(layer.ETag);
        if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var asked)
            && asked.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var accepted = StringWithQualityHeaderValue.TryParseList(http.Request.Headers.AcceptEncoding, out var encodings)
            ? encodings.Where(e => (e.Quality ?? 1) > 0).Select(e => e.Value.Value).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        if (accepted.Contains("br"))
        {
            headers.ContentEncoding = "br";
            return Results.Bytes(layer.Brotli, GeoJson);
        }

        if (accepted.Contains("gzip"))
        {
            headers.ContentEncoding = "gzip";
            return Results.Bytes(layer.Gzip, GeoJson);
        }

        return Results.Bytes(layer.Raw, GeoJson);
    }

    private string? Path(string name) => name switch
    {
        "boundary" => files.Boundary,
        "areas" => files.Areas,
        "streets" => files.Streets,
        _ => null,
    };

    /// <summary>The layer as read last, or read again when the file changed since (its time or length).</summary>
    private async Task<Layer> CurrentAsync(string name, string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        var stamp = (info.LastWriteTimeUtc, info.Length);
        var entry = _layers.GetOrAdd(name, _ => new Lazy<Task<Layer>>(() => Layer.ReadAsync(path, stamp)));
        var layer = await entry.Value.WaitAsync(cancellationToken);
        if (layer.Stamp == stamp)
        {
            return layer;
        }

        var fresh = new Lazy<Task<Layer>>(() => Layer.ReadAsync(path, stamp));
        return await (_layers.TryUpdate(name, fresh, entry) ? fresh : _layers[name]).Value.WaitAsync(cancellationToken);
    }

    /// <summary>One layer's bytes, as they are and compressed, with the file's stamp and an ETag of its content.</summary>
    private sealed record Layer(byte[] Raw, byte[] Brotli, byte[] Gzip, string ETag, (DateTime, long) Stamp)
    {
        public static async Task<Layer> ReadAsync(string path, (DateTime, long) stamp)
        {
            var raw = await File.ReadAllBytesAsync(path);
            // Weak: the same tag for each encoding of the same content.
            var tag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(raw).AsSpan(0, 12))}\"";
            return new Layer(raw, Compress(raw, s => new BrotliStream(s, CompressionLevel.Optimal)), Compress(raw, s => new GZipStream(s, CompressionLevel.Optimal)), tag, stamp);
        }

        private static byte[] Compress(byte[] raw, Func<Stream, Stream> compressor)
        {
            using var output = new MemoryStream();
            using (var compressing = compressor(output))
            {
                compressing.Write(raw);
            }

            return output.ToArray();
        }
    }

}
