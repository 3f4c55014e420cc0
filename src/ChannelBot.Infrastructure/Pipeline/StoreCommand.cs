using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChannelBot.Infrastructure.Pipeline;

/// <summary>
/// One set-based SQL statement of the turn pipeline (a multi-row INSERT … RETURNING, an UPDATE … FROM a list of
/// values), run on the context's connection and inside its current transaction, without change tracking. Every
/// value becomes a parameter made by the model's own type mapping for that column, so it is stored exactly as
/// EF would store it (SQLite: timestamps as UTC ticks, GUIDs as upper-case text; enums as their names).
/// The SQL is plain enough for both providers (quoted identifiers, <c>WITH v(…) AS (VALUES …)</c>,
/// <c>ON CONFLICT</c>, <c>RETURNING</c>; SQLite 3.35+).
/// </summary>
internal sealed class StoreCommand : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<(IModel Model, Type Entity, string Property), RelationalTypeMapping> Mappings = new();

    private readonly ChannelBotDbContext _db;
    private readonly DbCommand _command;
    private readonly StringBuilder _sql = new(256);
    private int _parameters;

    private StoreCommand(ChannelBotDbContext db)
    {
        _db = db;
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
    }

    /// <summary>A new command on <paramref name="db"/>'s connection (open it first) and current transaction.</summary>
    public static StoreCommand On(ChannelBotDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new StoreCommand(db);
    }

    public StoreCommand Sql(string text)
    {
        _sql.Append(text);
        return this;
    }

    /// <summary>Appends a parameter holding <paramref name="value"/> as the column <typeparamref name="TEntity"/>.<paramref name="property"/> stores it.</summary>
    public StoreCommand Value<TEntity>(string property, object? value)
    {
        var mapping = Mappings.GetOrAdd((_db.Model, typeof(TEntity), property), static key =>
            (key.Model.FindEntityType(key.Entity)?.FindProperty(key.Property)
                ?? throw new InvalidOperationException($"{key.Entity.Name}.{key.Property} is not mapped.")).GetRelationalTypeMapping());
        var name = "@p" + _parameters++;
        _command.Parameters.Add(mapping.CreateParameter(_command, name, value, nullable: true));
        _sql.Append(name);
        return this;
    }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        _command.CommandText = _sql.ToString();
        return await _command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the statement and reads every returned row with <paramref name="read"/>.</summary>
    public async Task<List<T>> QueryAsync<T>(Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        _command.CommandText = _sql.ToString();
        var rows = new List<T>();
        var reader = await _command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
