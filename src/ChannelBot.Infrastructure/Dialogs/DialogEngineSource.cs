using ChannelBot.Application.Dialogs;
using ChannelBot.Dialogs.Loading;
using ChannelBot.Dialogs.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Dialogs;

/// <summary>
/// Loads the dialog files when the app starts (invalid files stop the start with every problem listed, file and
/// place) and, when <see cref="DialogOptions.ReloadOnChange"/> is on, again whenever they change.
/// </summary>
internal sealed partial class DialogEngineSource(
    DialogFileSource files,
    IOptions<DialogOptions> options,
    TimeProvider clock,
    ChannelBot.Infrastructure.Geo.CityGeographySource geography,
    ILogger<DialogEngineSource> logger) : IDialogEngineSource, IHostedService, IDisposable
{
    private static readonly TimeSpan _settle = TimeSpan.FromMilliseconds(300);

    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile DialogEngine? _current;
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;

    public bool IsLoaded => _current is not null;

    public DialogEngine Current => _current ?? throw new InvalidOperationException("The dialog files have not been loaded yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var definitions = await files.LoadAsync(cancellationToken).ConfigureAwait(false);
            _current = new DialogEngine(definitions, clock, geography.Current);
            LogLoaded(files.Folder, definitions.Version);
        }
        catch (DialogDefinitionsException exception)
        {
            throw new InvalidOperationException($"ChannelBot cannot start: the dialog files in {files.Folder} are not valid.\n{exception.Message}", exception);
        }

        if (options.Value.ReloadOnChange)
        {
            Watch(files.Folder);
        }

        // A new city map: the same dialogs, resolving places on it.
        geography.Changed += map => _ = RebuildAsync(map);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _reloading.Dispose();
    }

    private void Watch(string folder)
    {
        _debounce = clock.CreateTimer(_ => _ = ReloadAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler changed = (_, _) => _debounce.Change(_settle, Timeout.InfiniteTimeSpan);
        _watcher.Changed += changed;
        _watcher.Created += changed;
        _watcher.Deleted += changed;
        _watcher.Renamed += (_, _) => _debounce.Change(_settle, Timeout.InfiniteTimeSpan);
        _watcher.EnableRaisingEvents = true;
    }

    private async Task RebuildAsync(ChannelBot.Geo.CityGeography map)
    {
        await _reloading.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_current is { } engine)
            {
                _current = new DialogEngine(engine.Definitions, clock, map);
                LogGeographyReloaded(map.AddressCount, map.Places.Count);
            }
        }
        finally
        {
            _reloading.Release();
        }
    }

    private async Task ReloadAsync()
    {
        await _reloading.WaitAsync().ConfigureAwait(false);
        try
        {
            var definitions = await files.LoadAsync(CancellationToken.None).ConfigureAwait(false);
            if (definitions.Version == _current?.Definitions.Version)
            {
                return;
            }

            _current = new DialogEngine(definitions, clock, geography.Current);
            LogReloaded(definitions.Version);
        }
        catch (DialogDefinitionsException exception)
        {
            LogReloadRefused(exception.Message);
        }
        catch (IOException exception)
        {
            LogReloadRefused(exception.Message);
        }
        finally
        {
            _reloading.Release();
        }
    }

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "City geography reloaded: {Addresses} addresses, {Places} places.")]
    private partial void LogGeographyReloaded(int addresses, int places);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Dialog files loaded from {Folder} (version {Version}).")]
    private partial void LogLoaded(string folder, string version);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Dialog files changed; now running version {Version}.")]
    private partial void LogReloaded(string version);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "Dialog files changed but do not load; the previous version keeps running.\n{Problems}")]
    private partial void LogReloadRefused(string problems);
}
