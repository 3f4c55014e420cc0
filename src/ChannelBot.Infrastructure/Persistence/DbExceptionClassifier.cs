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
    public static bool IsUniqueViolation(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres when postgres.SqlState == PostgresErrorCodes.UniqueViolation:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode == SqliteConstraint
                    && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                    return true;
            }
        }

        return false;
    }
}
