using ChannelBot.Web.Tests.Support;
using Npgsql;

namespace ChannelBot.Web.Tests.Hosting;

/// <summary>
/// A city deploys several instances at once on a fresh PostgreSQL database: they take turns migrating it (an
/// advisory lock), every instance starts, and each migration is applied once.
/// </summary>
public sealed class ConcurrentStartupTests
{
    [Fact]
    public async Task Three_instances_starting_together_on_a_fresh_PostgreSQL_database_all_start_and_migrate_it_once()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Postgres);

        var apps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => ChannelBotApp.Start(storage))));
        try
        {
            await using var connection = new NpgsqlConnection(storage.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT \"MigrationId\") FROM \"__EFMigrationsHistory\"", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();

            Assert.True(reader.GetInt64(0) > 10);
            Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
            foreach (var app in apps)
            {
                using var http = app.CreateHttpClient();
                Assert.True((await http.GetAsync("/health/live")).IsSuccessStatusCode);
            }
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }
    }
}
