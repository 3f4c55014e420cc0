using System.Net;
using ChannelBot.Infrastructure.Staff;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>
/// `dotnet run` in Development gives a demo operator who can work at once (no account to create, no password to
/// change first); its password is renewed at every start; no other environment ever has one.
/// </summary>
public sealed class DemoOperatorTests
{
    [Fact]
    public async Task In_Development_the_demo_operator_signs_in_and_works_at_once_with_the_password_of_this_run()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        string firstPassword;
        await using (var first = ChannelBotApp.Start(storage, environment: "Development"))
        {
            firstPassword = first.Services.GetRequiredService<DemoOperator>().Password!;
            using var browser = StaffBrowser.Open(first);
            var session = await browser.SignInOrFailAsync(DemoOperator.Login, firstPassword);
            using var cases = await browser.GetAsync("/api/cases");

            Assert.Equal("operator", session.Account.Role);
            Assert.False(session.Account.MustChangePassword);
            Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
        }

        await using var second = ChannelBotApp.Start(storage, environment: "Development");
        var secondPassword = second.Services.GetRequiredService<DemoOperator>().Password!;
        using var again = StaffBrowser.Open(second);
        using var old = await again.SignInAsync(DemoOperator.Login, firstPassword);
        await again.SignInOrFailAsync(DemoOperator.Login, secondPassword);
        var demoAccounts = (await second.Services.GetRequiredService<StaffAccountStore>().ListAsync(CancellationToken.None))
            .Count(a => a.Login == DemoOperator.Login);

        Assert.NotEqual(firstPassword, secondPassword);
        Assert.NotEqual(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(1, demoAccounts);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Outside_Development_there_is_no_demo_operator(string environment)
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, environment: environment);

        var accounts = await app.Services.GetRequiredService<StaffAccountStore>().ListAsync(CancellationToken.None);

        Assert.Null(app.Services.GetRequiredService<DemoOperator>().Password);
        Assert.DoesNotContain(accounts, a => a.Login == DemoOperator.Login);
    }
}
