using System.Net;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>Guesses sent all at once are each counted: parallel requests cannot slip past the lockout.</summary>
public sealed class StaffLockoutTests
{
    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Ten_wrong_passwords_sent_at_once_lock_the_account(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var app = ChannelBotApp.Start(storage);
        using var admin = await StaffPeople.AdminAsync(app, "admin@city.example");
        var attackers = Enumerable.Range(0, 10).Select(_ => StaffBrowser.Open(app)).ToList();

        var answers = await Task.WhenAll(attackers.Select(async (browser, i) =>
        {
            using var response = await browser.SignInAsync("admin@city.example", "guess number " + i);
            return response.StatusCode;
        }));
        using var owner = StaffBrowser.Open(app);
        using var right = await owner.SignInAsync("admin@city.example", StaffPeople.OwnPassword);

        Assert.All(answers, status => Assert.Contains(status, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        attackers.ForEach(browser => browser.Dispose());
    }
}
