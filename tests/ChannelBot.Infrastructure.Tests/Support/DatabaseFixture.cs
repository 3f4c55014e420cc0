using System.Collections.Concurrent;

namespace ChannelBot.Infrastructure.Tests.Support;

/// <summary>
/// One migrated database per provider for a test class, made the first time a test asks for it and deleted
/// after the class. Rows from the class's other tests may be there: tests use keys of their own.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TestDatabase>>> _databases = new();

    public Task<TestDatabase> For(string provider) =>
        _databases.GetOrAdd(provider, p => new Lazy<Task<TestDatabase>>(() => TestDatabase.CreateAsync(p))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases.Values)
        {
            if (database.IsValueCreated && database.Value.IsCompletedSuccessfully)
            {
                await database.Value.Result.DisposeAsync();
            }
        }
    }
}
