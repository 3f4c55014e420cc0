using System.Net;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Hosting;

/// <summary>What the app refuses when it starts or is misconfigured.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Dialog_files_that_do_not_validate_stop_the_start_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("channelbot-dialogs-");
        try
        {
            CopyFolder(RepositoryDialogs.Path, folder.FullName);
            var catalog = Path.Combine(folder.FullName, "catalog.yaml");
            await File.WriteAllTextAsync(catalog, (await File.ReadAllTextAsync(catalog)) + "\nnotAKnownKey: [\n");
            await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);

            var failure = Assert.ThrowsAny<Exception>(() => ChannelBotApp.Start(storage, new Dictionary<string, string?> { ["Dialogs:Path"] = folder.FullName }));

            Assert.Contains("catalog.yaml", failure.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Outside_Development_an_anonymous_post_to_api_messages_gets_401()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?> { ["Connector:AllowAnonymous"] = null });
        using var http = app.CreateHttpClient();
        using var connector = new FakeConnector();
        var resident = new EmulatorClient(http, connector, "anonymous");

        using var response = await resident.PostAsync(resident.Message("hi"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
