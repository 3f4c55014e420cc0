using ChannelBot.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Tests.Persistence;

/// <summary>The queries the workers run at scale read an index, not the whole table.</summary>
public class QueryPlanTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Finding_the_oldest_unprocessed_activities_reads_the_unprocessed_index(string provider)
    {
        var database = await databases.For(provider);
        await using var db = database.CreateContext();
        var query = db.InboundActivities.Where(i => i.ProcessedAt == null).OrderBy(i => i.Id);

        var plan = await ExplainAsync(db, provider, query.ToQueryString());

        Assert.Contains("IX_InboundActivities_Unprocessed", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Finding_due_outbox_messages_reads_the_status_and_next_attempt_index(string provider)
    {
        var database = await databases.For(provider);
        await using var db = database.CreateContext();
        var query = db.OutboxMessages
            .Where(o => o.Status == ChannelBot.Infrastructure.Persistence.OutboxStatus.Pending && o.NextAttemptAt <= TestCases.Now)
            .OrderBy(o => o.NextAttemptAt);

        var plan = await ExplainAsync(db, provider, query.ToQueryString());

        Assert.Contains("IX_OutboxMessages_Status_NextAttemptAt", plan, StringComparison.Ordinal);
    }

    private static async Task<string> ExplainAsync(DbContext db, string provider, string sql)
    {
        // ToQueryString declares parameters in comment lines or as .param/SET lines; keep only the statement.
        var statement = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal) && !line.StartsWith('.') && !line.StartsWith("SET ", StringComparison.Ordinal)));
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        if (provider == TestProviders.Postgres)
        {
            // An empty table is cheapest to scan whole; tell the planner not to, so it shows which index it would use.
            command.CommandText = "SET enable_seqscan = off";
            await command.ExecuteNonQueryAsync();
        }

        command.CommandText = (provider == TestProviders.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + statement;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? string.Empty);
        }

        return string.Join('\n', lines);
    }
}
