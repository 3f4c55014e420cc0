using ChannelBot.Application.Photos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Photos;

/// <summary>
/// Keeps photos as files: <c>{folder}/{caseId}/{number}.{ext}</c>, written to a temporary name and moved into
/// place, so a reader never sees half a photo and a retried download simply replaces the file.
/// </summary>
internal sealed class FileSystemPhotoStore(IOptions<PhotoOptions> options, IHostEnvironment environment) : IPhotoStore
{
    private readonly string _folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.Path));

    public async Task<string> SaveAsync(Guid caseId, int number, string contentType, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var relative = $"{caseId:N}/{number}{Extension(contentType)}";
        var target = Resolve(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        var temporary = target + ".part-" + Guid.NewGuid().ToString("N");
        try
        {
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return relative;
    }

    public Stream? OpenRead(string storedPath)
    {
        var path = Resolve(storedPath);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string storedPath)
    {
        var path = Resolve(storedPath);
        File.Delete(path);
        var folder = System.IO.Path.GetDirectoryName(path)!;
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    private string Resolve(string relative)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(_folder, relative));
        return path.StartsWith(_folder + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"'{relative}' is outside the photo folder.", nameof(relative));
    }

    private static string Extension(string contentType) => contentType.ToLowerInvariant() switch
    {
        "image/jpeg" or "image/jpg" => ".jpg",
        "image/png" => ".png",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        "image/heic" => ".heic",
        "image/heif" => ".heif",
        _ => ".bin",
    };
}
