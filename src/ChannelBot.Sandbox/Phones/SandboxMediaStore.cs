using System.Collections.Concurrent;

namespace ChannelBot.Sandbox.Phones;

/// <summary>The photos the sandbox phones attached, in memory (Development only): the newest <see cref="MaxFiles"/>.</summary>
public sealed class SandboxMediaStore
{
    public const int MaxFiles = 100;

    private readonly ConcurrentDictionary<string, SandboxMediaFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public SandboxMediaFile Add(SandboxPhoto photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var file = new SandboxMediaFile(Guid.NewGuid().ToString("N"), photo.ContentType, photo.Bytes);
        _files[file.Id] = file;
        _order.Enqueue(file.Id);
        while (_order.Count > MaxFiles && _order.TryDequeue(out var oldest))
        {
            _files.TryRemove(oldest, out _);
        }

        return file;
    }

    public SandboxMediaFile? Find(string id) => _files.TryGetValue(id, out var file) ? file : null;
}
