using System.Net;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>
/// Guessing staff passwords: fifty guesses at once check at most the configured number; a lockout holds only the
/// network that earned it and only for the lockout period, so an attacker cannot keep the real person out; and one
/// network may try only so many sign-ins a minute, whatever the names.
/// </summary>
public sealed class StaffSignInLimitTests
{
    private const string Attacker = "203.0.113.66";
    private const string Office = "198.51.100.20";

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Fifty_wrong_passwords_at_once_check_at_most_the_configured_number(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?> { ["Staff:SignIn:MaxFailedSignIns"] = "5" });
        using var admin = await StaffPeople.AdminAsync(app, "admin@city.example");
        var attackers = Enumerable.Range(0, 50).Select(_ => StaffBrowser.OpenFrom(app, Attacker)).ToList();

        var answers = await Task.WhenAll(attackers.Select(async (browser, i) =>
        {
            using var response = await browser.SignInAsync("admin@city.example", "guess number " + i);
            return response.StatusCode;
        }));

        // Four passwords are checked and wrong (401), the fifth is checked and locks the name (429), and the other 45
        // are refused as locked (429) without being checked.
        Assert.Equal(4, answers.Count(a => a == HttpStatusCode.Unauthorized));
        Assert.Equal(46, answers.Count(a => a == HttpStatusCode.TooManyRequests));
        attackers.ForEach(browser => browser.Dispose());
    }

    [Fact]
    public async Task An_attacker_locks_out_only_their_own_network_and_only_for_the_lockout_period()
    {
        var clock = new FakeTimeProvider(PinnedClock.Default);
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(
            storage,
            new Dictionary<string, string?> { ["Staff:SignIn:MaxFailedSignIns"] = "5", ["Staff:SignIn:LockoutDuration"] = "00:15:00" },
            services => services.AddSingleton<TimeProvider>(clock));
        using var admin = await StaffPeople.AdminAsync(app, "admin@city.example");
        using var attacker = StaffBrowser.OpenFrom(app, Attacker);
        for (var i = 0; i < 5; i++)
        {
            using var guess = await attacker.SignInAsync("admin@city.example", "guess " + i);
        }

        using var lockedForAttacker = await attacker.SignInAsync("admin@city.example", StaffPeople.OwnPassword);
        using var owner = StaffBrowser.OpenFrom(app, Office);
        using var ownerSignsIn = await owner.SignInAsync("admin@city.example", StaffPeople.OwnPassword);
        clock.Advance(TimeSpan.FromMinutes(15));
        using var attackerAfterTheBackoff = await attacker.SignInAsync("admin@city.example", "guess 6");

        Assert.Equal(HttpStatusCode.TooManyRequests, lockedForAttacker.StatusCode);
        Assert.True(lockedForAttacker.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, ownerSignsIn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, attackerAfterTheBackoff.StatusCode);
    }

    [Fact]
    public async Task An_unknown_name_locks_out_exactly_like_a_real_one()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?> { ["Staff:SignIn:MaxFailedSignIns"] = "3" });
        using var admin = await StaffPeople.AdminAsync(app, "real@city.example");
        using var attacker = StaffBrowser.OpenFrom(app, Attacker);

        async Task<List<HttpStatusCode>> GuessAsync(string login)
        {
            var answers = new List<HttpStatusCode>();
            for (var i = 0; i < 4; i++)
            {
                using var response = await attacker.SignInAsync(login, "guess " + i);
                answers.Add(response.StatusCode);
            }

            return answers;
        }

        var real = await GuessAsync("real@city.example");
        var unknown = await GuessAsync("nobody@city.example");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], real);
        Assert.Equal(real, unknown);
    }

    [Fact]
    public async Task One_network_gets_only_so_many_sign_in_attempts_a_minute_whatever_the_names()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?> { ["Staff:SignIn:AttemptsPerMinutePerNetwork"] = "3" });
        using var sprayer = StaffBrowser.OpenFrom(app, Attacker);
        using var someoneElse = StaffBrowser.OpenFrom(app, Office);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await sprayer.SignInAsync($"user{i}@city.example", "a wrong password");
            answers.Add(response.StatusCode);
            if (i == 3)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        using var other = await someoneElse.SignInAsync("user0@city.example", "a wrong password");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }
}
