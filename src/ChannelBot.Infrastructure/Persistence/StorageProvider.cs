namespace ChannelBot.Infrastructure.Persistence;

public enum StorageProvider
{
    /// <summary>A file under <c>data/</c>; the default, for a single instance.</summary>
    Sqlite,

    /// <summary>For deployments with more than one instance.</summary>
    Postgres,
}
