using System.Text.Json;
using ChannelBot.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Reads <c>POST …/upload</c> the way Web Chat sends it: multipart/form-data with one <c>activity</c> part (the
/// activity JSON, <c>application/vnd.microsoft.activity</c>) and one <c>file</c> part per attachment. Everything is
/// read and checked before anything is stored: the size of the whole body, of the activity and of each file (413),
/// the number of files (400), and each file's type, declared and by its first bytes (415).
/// </summary>
internal static class DirectLineUploadReader
{
    private const int MaxParts = 64;

    public static async Task<DirectLineUpload> ReadAsync(HttpRequest request, DirectLineOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (request.ContentLength > options.MaxUploadBytes)
        {
            return TooLarge($"The upload is larger than {options.MaxUploadBytes} bytes.");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return DirectLineUpload.Refuse(StatusCodes.Status415UnsupportedMediaType, DirectLineErrorCodes.UnsupportedMediaType, "An upload must be multipart/form-data with an 'activity' part and 'file' parts.");
        }

        var reader = new MultipartReader(boundary, request.Body)
        {
            HeadersLengthLimit = 16 * 1024,
            BodyLengthLimit = options.MaxUploadBytes,
        };

        Activity? activity = null;
        var files = new List<DirectLineUploadFile>();
        long total = 0;
        var parts = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (++parts > MaxParts)
                {
                    return DirectLineUpload.Refuse(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The upload has too many parts.");
                }

                ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
                var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value;
                var fileName = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? default).Value;
                var partLimit = string.Equals(name, "activity", StringComparison.Ordinal) ? options.MaxActivityBytes : options.MaxFileBytes;
                var bytes = await ReadLimitedAsync(section.Body, Math.Min(partLimit, options.MaxUploadBytes - total), cancellationToken).ConfigureAwait(false);
                if (bytes is null)
                {
                    return TooLarge(string.Equals(name, "activity", StringComparison.Ordinal)
                        ? $"The activity part is larger than {options.MaxActivityBytes} bytes."
                        : $"A file is larger than {options.MaxFileBytes} bytes, or the upload than {options.MaxUploadBytes}.");
                }

                total += bytes.Length;
                if (string.Equals(name, "activity", StringComparison.Ordinal))
                {
                    if (activity is not null)
                    {
                        return DirectLineUpload.Refuse(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The upload has more than one activity part.");
                    }

                    try
                    {
                        activity = ActivityJson.Deserialize(bytes);
                    }
                    catch (JsonException)
                    {
                        return DirectLineUpload.Refuse(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The activity part is not a JSON activity.");
                    }

                    continue;
                }

                if (files.Count >= options.MaxFilesPerUpload)
                {
                    return DirectLineUpload.Refuse(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, $"An upload may carry at most {options.MaxFilesPerUpload} files.");
                }

                var contentType = MediaTypeHeaderValue.TryParse(section.ContentType, out var declared) ? declared.MediaType.Value ?? string.Empty : string.Empty;
                if (!options.EffectiveUploadContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
                {
                    return DirectLineUpload.Refuse(StatusCodes.Status415UnsupportedMediaType, DirectLineErrorCodes.UnsupportedMediaType, $"Files of type '{contentType}' are not accepted; send {string.Join(", ", options.EffectiveUploadContentTypes)}.");
                }

                if (bytes.Length == 0 || !DirectLineMediaTypes.LooksLike(contentType, bytes))
                {
                    return DirectLineUpload.Refuse(StatusCodes.Status415UnsupportedMediaType, DirectLineErrorCodes.UnsupportedMediaType, $"The file '{fileName}' is not a {contentType} file.");
                }

                files.Add(new DirectLineUploadFile(fileName, contentType.ToLowerInvariant(), bytes));
            }
        }
        catch (InvalidDataException)
        {
            // Malformed multipart, or a section past MultipartReader's own limits.
            return DirectLineUpload.Refuse(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The upload is not well-formed multipart/form-data.");
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge("The upload is larger than the server accepts.");
        }

        if (activity is null)
        {
            return DirectLineUpload.Refuse(StatusCodes.Status400BadRequest, DirectLineErrorCodes.MissingProperty, "The upload has no 'activity' part.");
        }

        if (files.Count == 0)
        {
            return DirectLineUpload.Refuse(StatusCodes.Status400BadRequest, DirectLineErrorCodes.MissingProperty, "The upload has no 'file' part.");
        }

        return new DirectLineUpload(activity, files);
    }

    private static DirectLineUpload TooLarge(string message) =>
        DirectLineUpload.Refuse(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig, message);

    /// <summary>The part's bytes, or null once it runs past <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        if (limit < 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
