using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Staff;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>Account management by admins: roles, disabling, first passwords, resets, the bootstrap command, and how the API documents both ways in.</summary>
public sealed partial class StaffSessionTests
{
    [Fact]
    public async Task Only_admins_manage_accounts()
    {
        using var operatorBrowser = await StaffPeople.PersonAsync(_admin, _app, "olga@city.example", "operator");
        using var http = _app.CreateHttpClient();

        using var anonymous = await http.GetAsync("/api/staff/accounts");
        using var operatorList = await operatorBrowser.GetAsync("/api/staff/accounts");
        using var operatorCreate = await operatorBrowser.PostAsync("/api/staff/accounts", new NewAccountDto("x@city.example", "X", "admin", null, "a long enough password"));
        using var readerKey = await WithKeyAsync(http, ReaderKey, "/api/staff/accounts");
        using var adminKey = await WithKeyAsync(http, AdminKey, "/api/staff/accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorCreate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readerKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminKey.StatusCode);
        Assert.DoesNotContain(await ListAsync(), a => a.Login == "x@city.example");
    }

    [Fact]
    public async Task An_admin_changes_a_role_and_it_applies_to_the_next_request()
    {
        using var person = await StaffPeople.PersonAsync(_admin, _app, "rita@city.example", "reader");
        using var before = await person.GetAsync("/api/staff/accounts");
        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        var id = await IdOfAsync("rita@city.example");

        using var noDepartment = await _admin.PostAsync($"/api/staff/accounts/{id}/role", new RoleChangeDto("department", null));
        using var promoted = await _admin.PostAsync($"/api/staff/accounts/{id}/role", new RoleChangeDto("admin", null));

        Assert.Equal(HttpStatusCode.BadRequest, noDepartment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        using var after = await person.GetAsync("/api/staff/accounts");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task An_admin_can_neither_disable_nor_demote_themselves()
    {
        var id = await IdOfAsync(AdminLogin);

        using var disable = await _admin.PostAsync($"/api/staff/accounts/{id}/disable", null);
        using var demote = await _admin.PostAsync($"/api/staff/accounts/{id}/role", new RoleChangeDto("reader", null));

        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        using var still = await _admin.GetAsync("/api/staff/accounts");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task A_new_account_must_replace_its_password_before_it_may_do_anything_else()
    {
        await StaffPeople.CreateAsync(_admin, "nina@city.example", "operator");
        using var browser = StaffBrowser.Open(_app);
        var session = await browser.SignInOrFailAsync("nina@city.example", "temporary-nina@city.example");
        Assert.True(session.Account.MustChangePassword);

        using var blocked = await browser.GetAsync("/api/cases");
        using var weak = await browser.PostAsync("/api/staff/session/password", new PasswordChangeDto("temporary-nina@city.example", "short"));
        using var wrongCurrent = await browser.PostAsync("/api/staff/session/password", new PasswordChangeDto("not my password", StaffPeople.OwnPassword));
        using var changed = await browser.PostAsync("/api/staff/session/password", new PasswordChangeDto("temporary-nina@city.example", StaffPeople.OwnPassword));
        using var allowed = await browser.GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        using var old = StaffBrowser.Open(_app);
        using var oldPassword = await old.SignInAsync("nina@city.example", "temporary-nina@city.example");
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_the_holders_sessions_and_lifts_the_lockout()
    {
        using var person = await StaffPeople.PersonAsync(_admin, _app, "pat@city.example", "operator");
        using var attacker = StaffBrowser.Open(_app);
        for (var i = 0; i < 5; i++)
        {
            using var _ = await attacker.SignInAsync("pat@city.example", "guess number " + i);
        }

        var id = await IdOfAsync("pat@city.example");
        using var reset = await _admin.PostAsync($"/api/staff/accounts/{id}/password", new PasswordResetDto("handed over by phone"));

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        using var live = await person.GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.Unauthorized, live.StatusCode);
        using var fresh = StaffBrowser.Open(_app);
        var session = await fresh.SignInOrFailAsync("pat@city.example", "handed over by phone");
        Assert.True(session.Account.MustChangePassword);
    }

    [Fact]
    public async Task Hostile_sign_in_input_gets_a_clear_400_and_a_forged_cookie_a_401()
    {
        using var http = _app.CreateHttpClient();
        using var garbage = await http.PostAsync("/api/staff/session", new StringContent("{\"login\": [1,", System.Text.Encoding.UTF8, "application/json"));
        using var empty = await http.PostAsJsonAsync("/api/staff/session", new SignInDto(null, null));
        using var huge = await http.PostAsJsonAsync("/api/staff/session", new SignInDto(new string('a', 10_000), "x"));
        using var hugeCookie = await ReplayAsync(new string('z', 5_000), "/api/cases");
        using var forged = await ReplayAsync("forged-token", "/api/cases");

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, hugeCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task The_bootstrap_command_refuses_a_second_account_of_the_same_name_and_resets_a_forgotten_password()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var duplicate = await StaffCommand.RunAsync(_app.Services, ["add-admin", "ADMIN@city.example"], output, error, CancellationToken.None);
        var usage = await StaffCommand.RunAsync(_app.Services, ["remove-everyone"], output, error, CancellationToken.None);
        var reset = await StaffCommand.RunAsync(_app.Services, ["reset-password", AdminLogin], output, error, CancellationToken.None);

        Assert.Equal(1, duplicate);
        Assert.Equal(2, usage);
        Assert.Equal(0, reset);
        var password = System.Text.RegularExpressions.Regex.Match(output.ToString(), "one-time password (\\S+)").Groups[1].Value;
        using var browser = StaffBrowser.Open(_app);
        Assert.True((await browser.SignInOrFailAsync(AdminLogin, password)).Account.MustChangePassword);
    }

    [Fact]
    public async Task The_openapi_document_describes_both_the_api_key_and_the_session_cookie()
    {
        using var http = _app.CreateHttpClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));

        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("header", schemes.GetProperty(StaffOpenApiSecurity.ApiKeyScheme).GetProperty("in").GetString());
        Assert.Equal("cookie", schemes.GetProperty(StaffOpenApiSecurity.SessionScheme).GetProperty("in").GetString());
        Assert.Equal(StaffSessionCookie.Name, schemes.GetProperty(StaffOpenApiSecurity.SessionScheme).GetProperty("name").GetString());
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal(2, paths.GetProperty("/api/cases/{ticket}/status").GetProperty("post").GetProperty("security").GetArrayLength());
        Assert.Equal(2, paths.GetProperty("/api/staff/accounts").GetProperty("get").GetProperty("security").GetArrayLength());
        Assert.False(paths.GetProperty("/api/staff/session").GetProperty("post").TryGetProperty("security", out _));   // signing in needs nothing
    }
}
