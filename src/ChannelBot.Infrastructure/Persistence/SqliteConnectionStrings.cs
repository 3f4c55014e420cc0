using Microsoft.Data.Sqlite;

namespace ChannelBot.Infrastructure.Persistence;

internal static class SqliteConnectionStrings
{
    /// <summary>Makes a relative database file absolute (under <paramref name="contentRoot"/>) and creates its folder.</summary>
    public static string Resolve(string? connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString)
            ? StorageOptions.DefaultSqliteConnectionString
            : connectionString);
        var file = builder.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || builder.Mode == SqliteOpenMode.Memory || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return builder.ConnectionString;
        }

        var path = Path.GetFullPath(file, contentRoot);
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        builder.DataSource = path;
        return builder.ConnectionString;
    }
}
