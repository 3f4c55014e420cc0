using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChannelBot.Infrastructure.Staff;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>
/// Gets people into the app the way a city would: the first admin through the <c>staff add-admin</c> command, the
/// others created by that admin through the API, each signing in and replacing the password they were given.
/// </summary>
public static partial class StaffPeople
{
    /// <summary>The password every test person ends up with.</summary>
    public const string OwnPassword = "correct horse battery staple";

    /// <summary>Runs <c>staff add-admin</c>; returns the one-time password it printed.</summary>
    public static async Task<string> AddAdminAsync(ChannelBotApp app, string login)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await StaffCommand.RunAsync(app.Services, ["add-admin", login, "First", "Admin"], output, error, CancellationToken.None);
        Assert.True(exit == 0, error.ToString());
        return OneTimePassword().Match(output.ToString()).Groups[1].Value;
    }

    /// <summary>A signed-in admin whose password is <see cref="OwnPassword"/>.</summary>
    public static async Task<StaffBrowser> AdminAsync(ChannelBotApp app, string login = "admin@city.example")
    {
        var password = await AddAdminAsync(app, login);
        return await SignInAndReplacePasswordAsync(app, login, password);
    }

    /// <summary>The admin creates the account; its holder signs in and replaces the password.</summary>
    public static async Task<StaffBrowser> PersonAsync(StaffBrowser admin, ChannelBotApp app, string login, string role, string? department = null)
    {
        var account = await CreateAsync(admin, login, role, department);
        Assert.True(account.MustChangePassword);
        return await SignInAndReplacePasswordAsync(app, login, "temporary-" + login);
    }

    public static async Task<StaffAccount> CreateAsync(StaffBrowser admin, string login, string role, string? department = null)
    {
        using var created = await admin.PostAsync("/api/staff/accounts", new NewAccountDto(login, "Person " + login, role, department, "temporary-" + login));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<StaffAccount>())!;
    }

    public static async Task<StaffBrowser> SignInAndReplacePasswordAsync(ChannelBotApp app, string login, string password)
    {
        var browser = StaffBrowser.Open(app);
        await browser.SignInOrFailAsync(login, password);
        using var changed = await browser.PostAsync("/api/staff/session/password", new PasswordChangeDto(password, OwnPassword));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        return browser;
    }

    [GeneratedRegex("one-time password (\\S+)")]
    private static partial Regex OneTimePassword();
}
