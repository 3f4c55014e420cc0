using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Web.Tests.Public;

/// <summary>
/// The real app on Kestrel loopback with a fresh SQLite file, the sample city's map loaded (<c>Geo:Enabled</c>, the
/// repository's geo/springfield), the public view on with no tile server, and the clock stopped at
/// <see cref="PinnedClock.Default"/> (cases are filed relative to it, periods counted from it). Shared by the tests of
/// one class; each files its own cases and looks for them by ticket.
/// </summary>
public class PublicRequestsFixture : IAsyncLifetime
{
    private TestStorage _storage = null!;

    public ChannelBotApp App { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(PinnedClock.Default);

    public IServiceProvider Services => App.Services;

    /// <summary>The sample city's files, found from the repository's dialogs folder.</summary>
    public static string SampleCity => RepositoryDialogs.SampleCity;

    /// <summary>The settings every public-view test runs with (a test class may add to them).</summary>
    public static Dictionary<string, string?> Settings(string storageFolder) => new()
    {
        ["Geo:Enabled"] = "true",
        ["Geo:Folder"] = SampleCity,
        ["PublicRequests:Enabled"] = "true",
        ["PublicRequests:TileUrl"] = string.Empty,
        ["PublicRequests:TileAttribution"] = string.Empty,
        ["Site:Enabled"] = "true",
        ["Photos:Path"] = Path.Combine(storageFolder, "photos"),
    };

    public virtual async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        App = ChannelBotApp.Start(_storage, Settings(Path.GetTempPath()), services => services.AddSingleton<TimeProvider>(Clock));
    }

    public virtual async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }
}
