namespace ChannelBot.Dialogs.Definitions;

/// <summary>
/// What counts as a photo, decided in one place. The intake keeps an attachment only when its declared type is one
/// of <see cref="Allowed"/>; the city's copy is kept only when its first bytes are one of them too, and it is stored
/// and served with the type the bytes say, never the one declared. Anything else (SVG, HTML, PDF, scripts) is
/// refused: a resident's file must never run in a staff member's browser.
/// </summary>
public static class PhotoFormats
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";
    public const string Heic = "image/heic";
    public const string Heif = "image/heif";

    /// <summary>Bytes <see cref="Sniff"/> needs to see.</summary>
    public const int HeaderLength = 16;

    public static IReadOnlyList<string> Allowed { get; } = [Jpeg, Png, Gif, WebP, Heic, Heif];

    private static readonly HashSet<string> Declarations = new(StringComparer.OrdinalIgnoreCase)
    {
        Jpeg, "image/jpg", "image/pjpeg", Png, Gif, WebP, Heic, Heif, "image/heic-sequence", "image/heif-sequence",
    };

    /// <summary>True when an attachment declared as <paramref name="contentType"/> may be a photo (parameters ignored).</summary>
    public static bool IsDeclaredPhoto(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return Declarations.Contains((semicolon < 0 ? contentType : contentType[..semicolon]).Trim());
    }

    /// <summary>The photo type the first bytes of a file show, or null when they are not one of <see cref="Allowed"/>.</summary>
    public static string? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return Jpeg;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        // ISO base media file: a box size, then "ftyp" and the major brand.
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = header[8..12];
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("hevc"u8) || brand.SequenceEqual("hevx"u8))
            {
                return Heic;
            }

            if (brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8) || brand.SequenceEqual("heif"u8))
            {
                return Heif;
            }
        }

        return null;
    }

    /// <summary>The usual file extension of an allowed type (for a download's file name).</summary>
    public static string ExtensionOf(string contentType) => contentType switch
    {
        Jpeg => ".jpg",
        Png => ".png",
        Gif => ".gif",
        WebP => ".webp",
        Heic => ".heic",
        Heif => ".heif",
        _ => ".bin",
    };
}
