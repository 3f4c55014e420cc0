using ChannelBot.Geo;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Geo;

/// <summary>
/// The city's geography now: loaded at start-up and, when <see cref="GeoOptions.ReloadOnChange"/> is on, again
/// whenever a file of its folder changes. A change that does not load is logged and the previous map stays.
/// Whoever needs the map asks for <see cref="Current"/> each time (or listens to <see cref="Changed"/>).
/// </summary>
public sealed partial class CityGeographySource : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    private readonly IOptions<GeoOptions> _options;
    private readonly ILogger<CityGeographySource> _logger;
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer? _debounce;
    private volatile CityGeography _current;

    public CityGeographySource(IOptions<GeoOptions> options, ILogger<CityGeographySource> logger)
    {
        _options = options;
        _logger = logger;
        _current = CityGeographyLoader.Load(options, logger);
        if (options.Value.Enabled && options.Value.ReloadOnChange && CityGeographyLoader.Folder(options) is { } folder && Directory.Exists(folder))
        {
            _debounce = new Timer(_ => _ = ReloadAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
            FileSystemEventHandler changed = (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
            _watcher.Changed += changed;
            _watcher.Created += changed;
            _watcher.Deleted += changed;
            _watcher.Renamed += (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
            _watcher.EnableRaisingEvents = true;
        }
    }

    public CityGeography Current => _current;

    /// <summary>Raised after a new map replaced the previous one.</summary>
    public event Action<CityGeography>? Changed;

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _reloading.Dispose();
    }

    private async Task ReloadAsync()
    {
        await _reloading.WaitAsync().ConfigureAwait(false);
        try
        {
            var next = CityGeographyLoader.Load(_options, _logger);
            _current = next;
            Changed?.Invoke(next);
        }
        catch (InvalidOperationException exception)
        {
            LogReloadRefused(exception.Message);
        }
        finally
        {
            _reloading.Release();
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "The city's geography files changed but could not be read; the previous map stays: {Reason}")]
    private partial void LogReloadRefused(string reason);
}
