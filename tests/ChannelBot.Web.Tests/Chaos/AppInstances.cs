namespace ChannelBot.Web.Tests.Chaos;

/// <summary>
/// Several app processes on one database, each on its own port, and a load balancer's choice for the residents: each
/// request goes to the next process in turn, so a request sent again after a failure usually reaches another one.
/// </summary>
internal sealed class AppInstances : IDisposable
{
    private readonly List<AppProcess> _apps;
    private readonly List<HttpClient> _clients;
    private readonly Task[] _starting;
    private int _next;

    public AppInstances(int count, IReadOnlyDictionary<string, string> settings)
    {
        _apps = [.. Enumerable.Range(0, count).Select(_ => new AppProcess(settings))];
        _clients = [.. _apps.Select(app => new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) })];
        _starting = [.. _apps.Select(_ => Task.CompletedTask)];
    }

    public int Count => _apps.Count;

    public string LastLines => string.Join(Environment.NewLine + "--" + Environment.NewLine, _apps.Select(app => app.LastLines));

    /// <summary>Starts them all, one after the other (they take turns migrating anyway).</summary>
    public async Task StartAsync()
    {
        foreach (var app in _apps)
        {
            await app.StartAsync();
        }
    }

    /// <summary>The client of the next process in turn.</summary>
    public HttpClient Next() => _clients[(int)((uint)Interlocked.Increment(ref _next) % (uint)_clients.Count)];

    /// <summary>
    /// Kills one process, chosen with <paramref name="random"/>, as <c>kill -9</c> does, and starts it again (same port)
    /// in the background while the others serve; the next kill may come while it starts. One process is always up:
    /// before a kill, every other one has finished starting.
    /// </summary>
    public async Task KillOneAsync(Random random)
    {
        var index = random.Next(_apps.Count);
        await Task.WhenAll(_starting);   // a failed start fails the run here
        _apps[index].Kill();
        _starting[index] = Task.Run(_apps[index].StartAsync);
    }

    /// <summary>Waits until every process killed has started again.</summary>
    public Task AllUpAsync() => Task.WhenAll(_starting);

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var app in _apps)
        {
            app.Dispose();
        }
    }
}
