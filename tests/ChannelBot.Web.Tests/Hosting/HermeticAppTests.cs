using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Hosting;

/// <summary>
/// The suite passes at any hour and in any shell: an app under test reads no environment variable and runs on a
/// pinned clock unless the test says otherwise.
/// </summary>
public sealed class HermeticAppTests
{
    private const string Probe = "CHANNELBOT_HERMETIC_PROBE__SETTING";

    [Fact]
    public async Task An_environment_variable_of_the_machine_does_not_reach_the_app_under_test()
    {
        Environment.SetEnvironmentVariable(Probe, "from-the-shell");
        try
        {
            await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
            await using var app = ChannelBotApp.Start(storage);

            var configuration = app.Services.GetRequiredService<IConfiguration>();

            Assert.Null(configuration["CHANNELBOT_HERMETIC_PROBE:SETTING"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Probe, null);
        }
    }

    [Fact]
    public async Task The_app_under_test_lives_at_mid_day_in_the_city_whatever_the_hour_of_the_machine()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage);

        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var city = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        Assert.Equal(new DateOnly(2026, 6, 17), DateOnly.FromDateTime(city.DateTime));
        Assert.Equal(12, city.Hour);
    }
}
