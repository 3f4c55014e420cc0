using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Keeps uploads as files, <c>{folder}/{id}{ext}</c>, written under a temporary name and moved into place. The id is
/// 128 random bits in hex; the extension records the type the file was checked against.
/// </summary>
internal sealed class FileSystemDirectLineAttachmentStore(IOptions<DirectLineOptions> options, IHostEnvironment environment) : IDirectLineAttachmentStore
{
    private readonly string _folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.UploadPath));

    public async Task<string> SaveAsync(string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        Directory.CreateDirectory(_folder);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var target = Path.Combine(_folder, id + DirectLineMediaTypes.ExtensionOf(contentType));
        var temporary = target + ".part";
        try
        {
            await File.WriteAllBytesAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, target);
        }
        finally
        {
            File.Delete(temporary);
        }

        return id;
    }

    public DirectLineStoredFile? Open(string fileId)
    {
        if (string.IsNullOrEmpty(fileId) || fileId.Length != 32 || !fileId.All(char.IsAsciiHexDigitLower) || !Directory.Exists(_folder))
        {
            return null;
        }

        var path = Directory.EnumerateFiles(_folder, fileId + ".*").FirstOrDefault(p => !p.EndsWith(".part", StringComparison.Ordinal));
        if (path is null)
        {
            return null;
        }

        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return new DirectLineStoredFile(stream, DirectLineMediaTypes.ContentTypeOf(Path.GetExtension(path)), stream.Length);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public int DeleteOlderThan(DateTimeOffset cutoff)
    {
        if (!Directory.Exists(_folder))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(_folder))
        {
            try
            {
                if (new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero) < cutoff)
                {
                    File.Delete(path);
                    deleted++;
                }
            }
            catch (IOException)
            {
                // In use or already gone: the next sweep tries again.
            }
        }

        return deleted;
    }

    /// <summary>The folder files are kept in (tests look inside it).</summary>
    public string Folder => _folder;
}
