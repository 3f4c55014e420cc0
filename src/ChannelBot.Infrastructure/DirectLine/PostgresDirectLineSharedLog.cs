using System.Text.Json;
using ChannelBot.Application.DirectLine;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace ChannelBot.Infrastructure.DirectLine;

/// <summary>
/// The Direct Line log shared by every instance on one PostgreSQL database. An append takes the conversation row's
/// lock (the update of its last activity time) for its short transaction, so appends of one conversation take turns
/// and each gets the next position (<c>MAX + 1</c>, read under the lock) in commit order: a reader that sees a position
/// has seen every earlier one. The transaction ends with <c>pg_notify</c>, delivered at commit to every instance's
/// <see cref="DirectLineLogListener"/>, which raises <see cref="Appended"/> there.
/// </summary>
public sealed class PostgresDirectLineSharedLog(IOptions<StorageOptions> storage) : IDirectLineSharedLog
{
    /// <summary>The notification channel; the payload is the conversation id.</summary>
    public const string NotificationChannel = "channelbot_directline";

    private readonly string _connectionString = storage.Value.ConnectionString
        ?? throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is Postgres.");

    public event Action<string?>? Appended;

    public async Task<long> ReserveAsync(string conversationId, int count, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand("""UPDATE "DirectLineConversations" SET "NextSequence" = "NextSequence" + @count WHERE "Id" = @id RETURNING "NextSequence" """, connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.AddWithValue("count", (long)count);
                command.Parameters.AddWithValue("id", conversationId);
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?
                    ?? throw new InvalidOperationException("No such Direct Line conversation (it was swept).");
            }
        }
    }

    public async Task<SharedLogAppend> AppendAsync(string conversationId, string activityId, StoredDirectLineActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var connection = new NpgsqlConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // The row lock: held until commit, so this conversation's appends take turns.
                var locked = await ExecuteAsync(
                    connection,
                    """UPDATE "DirectLineConversations" SET "LastActiveAt" = GREATEST("LastActiveAt", @at) WHERE "Id" = @id""",
                    command => command.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = activity.CreatedAt.UtcDateTime }),
                    conversationId,
                    cancellationToken).ConfigureAwait(false);
                if (locked == 0)
                {
                    throw new InvalidOperationException("No such Direct Line conversation (it was swept).");
                }

                var position = await ScalarAsync(
                    connection,
                    """
                    INSERT INTO "DirectLineActivities" ("ConversationId", "Sequence", "ActivityJson", "CreatedAt", "OutboxId")
                    SELECT @id, COALESCE(MAX("Sequence"), 0) + 1, @json, @at, @outbox FROM "DirectLineActivities" WHERE "ConversationId" = @id
                    ON CONFLICT ("ConversationId", "OutboxId") DO NOTHING
                    RETURNING "Sequence"
                    """,
                    command =>
                    {
                        command.Parameters.AddWithValue("json", activity.ActivityJson);
                        command.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = activity.CreatedAt.UtcDateTime });
                        command.Parameters.Add(new NpgsqlParameter("outbox", NpgsqlDbType.Bigint) { Value = (object?)activity.OutboxId ?? DBNull.Value });
                    },
                    conversationId,
                    cancellationToken).ConfigureAwait(false);
                SharedLogAppend appended;
                if (position is long stored)
                {
                    await ScalarAsync(connection, "SELECT pg_notify(@channel, @id)", command => command.Parameters.AddWithValue("channel", NotificationChannel), conversationId, cancellationToken).ConfigureAwait(false);
                    appended = new SharedLogAppend(stored, activityId);
                }
                else
                {
                    appended = await FirstAsync(connection, conversationId, activity.OutboxId, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return appended;
            }
        }
    }

    public async Task<bool> MarkStartedAsync(string conversationId, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var started = await ExecuteAsync(connection, """UPDATE "DirectLineConversations" SET "Started" = TRUE WHERE "Id" = @id AND NOT "Started" """, _ => { }, conversationId, cancellationToken).ConfigureAwait(false);
            return started == 1;
        }
    }

    /// <summary>Raises <see cref="Appended"/> (the listener calls it for each notification; null after it reconnected).</summary>
    internal void Announce(string? conversationId) => Appended?.Invoke(conversationId);

    /// <summary>The activity stored first for the outbox row (a resend finds it).</summary>
    private static async Task<SharedLogAppend> FirstAsync(NpgsqlConnection connection, string conversationId, long? outboxId, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("""SELECT "Sequence", "ActivityJson" FROM "DirectLineActivities" WHERE "ConversationId" = @id AND "OutboxId" = @outbox""", connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("id", conversationId);
            command.Parameters.Add(new NpgsqlParameter("outbox", NpgsqlDbType.Bigint) { Value = (object?)outboxId ?? DBNull.Value });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidOperationException("The activity was neither stored nor found by its outbox id.");
                }

                var position = reader.GetInt64(0);
                using var json = JsonDocument.Parse(reader.GetString(1));
                return new SharedLogAppend(position, json.RootElement.GetProperty("id").GetString() ?? string.Empty);
            }
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, Action<NpgsqlCommand> parameters, string conversationId, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("id", conversationId);
            parameters(command);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, Action<NpgsqlCommand> parameters, string conversationId, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("id", conversationId);
            parameters(command);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
