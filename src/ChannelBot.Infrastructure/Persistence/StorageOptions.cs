namespace ChannelBot.Infrastructure.Persistence;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string DefaultSqliteConnectionString = "Data Source=data/channelbot.db";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// SQLite: defaults to <see cref="DefaultSqliteConnectionString"/>; a relative file is relative to the
    /// content root and its folder is created. PostgreSQL: required (an Npgsql connection string).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up, before any background service runs.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
