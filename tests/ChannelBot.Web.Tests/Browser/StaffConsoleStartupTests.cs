using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>A deployment whose web root lacks the console's markup does not start, and says which file is missing.</summary>
public sealed class StaffConsoleStartupTests
{
    [Fact]
    public async Task Without_the_console_template_the_app_fails_at_start_up_naming_the_file()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        var webRoot = Directory.CreateTempSubdirectory("channelbot-empty-webroot-");
        try
        {
            var failure = Record.Exception(() =>
            {
                using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?> { ["webroot"] = webRoot.FullName });
            });

            Assert.NotNull(failure);
            Assert.Contains("wwwroot/" + StaffConsolePage.TemplatePath + " is missing", failure.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            webRoot.Delete(recursive: true);
        }
    }
}
