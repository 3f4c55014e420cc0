namespace ChannelBot.Infrastructure.Tests.Support;

/// <summary>The provider names tests take as a theory parameter.</summary>
public static class TestProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
}
