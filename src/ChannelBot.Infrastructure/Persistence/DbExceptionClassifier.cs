using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>Recognises database errors the code handles on purpose, on either provider.</summary>
public static class DbExceptionClassifier
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// True when the exception (or one it wraps, e.g. inside a <c>DbUpdateException</c>) says a row broke a
    /// unique index or primary key: the row is already there.
    /// </summary>
    public static bool IsUniqueViolation(Exception? exception) => IsUniqueViolation(exception, table: null);

    /// <summary>
    /// True when the exception says a row broke a unique index or primary key of <paramref name="table"/>
    /// (of any table when null).
    /// </summary>
    public static bool IsUniqueViolation(Exception? exception, string? table)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres when postgres.SqlState == PostgresErrorCodes.UniqueViolation:
                    return table is null || string.Equals(postgres.TableName, table, StringComparison.Ordinal);
                case SqliteException sqlite when sqlite.SqliteErrorCode == SqliteConstraint
                    && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                    // SQLite names the columns only, in its message: "UNIQUE constraint failed: Table.Column, ...".
                    return table is null || sqlite.Message.Contains($"constraint failed: {table}.", StringComparison.Ordinal);
            }
        }

        return false;
    }
}
