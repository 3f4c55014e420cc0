using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Web.Staff;

/// <summary>
/// How a resident's photo is served to staff, decided once: only a stored photo type (<see cref="PhotoFormats"/>) is
/// served as an image, inline; anything else (a file kept before types were read from the bytes) as an opaque
/// download. Always with <c>nosniff</c> (the browser takes the type as given) and a CSP that allows nothing and
/// sandboxes the response, so no file a resident sent can run script in a staff member's session.
/// </summary>
public static class PhotoResponse
{
    public const string ContentSecurityPolicy = "default-src 'none'; img-src 'self'; sandbox";

    /// <returns>The content type to serve.</returns>
    public static string Prepare(HttpResponse response, string storedType, string fileName)
    {
        ArgumentNullException.ThrowIfNull(response);
        var isPhoto = PhotoFormats.Allowed.Contains(storedType, StringComparer.OrdinalIgnoreCase);
        var contentType = isPhoto ? storedType.ToLowerInvariant() : "application/octet-stream";
        var disposition = isPhoto ? "inline" : "attachment";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.ContentDisposition = $"{disposition}; filename=\"{fileName}{PhotoFormats.ExtensionOf(contentType)}\"";
        response.Headers.CacheControl = "private, no-store";
        return contentType;
    }
}
