namespace ChannelBot.Channels.DirectLine;

/// <summary>File extensions for stored uploads, and a check of a file's first bytes against its declared type.</summary>
internal static class DirectLineMediaTypes
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = ".jpg",
        ["image/png"] = ".png",
        ["image/gif"] = ".gif",
        ["image/webp"] = ".webp",
        ["image/heic"] = ".heic",
        ["image/heif"] = ".heif",
        ["image/bmp"] = ".bmp",
        ["application/pdf"] = ".pdf",
        ["text/plain"] = ".txt",
    };

    public static string ExtensionOf(string contentType) =>
        Extensions.TryGetValue(contentType, out var extension) ? extension : ".bin";

    public static string ContentTypeOf(string extension) =>
        Extensions.FirstOrDefault(pair => string.Equals(pair.Value, extension, StringComparison.OrdinalIgnoreCase)).Key
        ?? "application/octet-stream";

    /// <summary>
    /// True when the bytes start the way files of <paramref name="contentType"/> do. Types this class does not know
    /// are taken at their word (an operator who allows them chose to).
    /// </summary>
    public static bool LooksLike(string contentType, ReadOnlySpan<byte> bytes) => contentType.ToLowerInvariant() switch
    {
        "image/jpeg" => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/png" => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/gif" => bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8),
        "image/webp" => bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8),
        "image/bmp" => bytes.StartsWith("BM"u8),
        "image/heic" or "image/heif" => bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8),
        "application/pdf" => bytes.StartsWith("%PDF-"u8),
        _ => true,
    };
}
