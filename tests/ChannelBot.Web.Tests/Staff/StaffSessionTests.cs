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

/// <summary>
/// People's sign-in on the real app (Kestrel, SQLite file, the app's own clock replaced by a FakeTimeProvider):
/// sessions, lockout, sign-out, CSRF, disabled accounts and admin-only account management.
/// </summary>
public sealed partial class StaffSessionTests : IAsyncLifetime
{
    private const string AdminLogin = "admin@city.example";
    private const string ReaderKey = "reader-key-0123456789abcdef0123456789abc";
    private const string AdminKey = "admin-key-0123456789abcdef0123456789abcd";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero));
    private TestStorage _storage = null!;
    private ChannelBotApp _app = null!;
    private StaffBrowser _admin = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        _app = ChannelBotApp.Start(
            _storage,
            new Dictionary<string, string?>
            {
                ["Staff:ApiKeys:0:Name"] = "Dashboard",
                ["Staff:ApiKeys:0:Key"] = ReaderKey,
                ["Staff:ApiKeys:0:Role"] = "reader",
                ["Staff:ApiKeys:1:Name"] = "Provisioning",
                ["Staff:ApiKeys:1:Key"] = AdminKey,
                ["Staff:ApiKeys:1:Role"] = "admin",
            },
            services => services.AddSingleton<TimeProvider>(_clock));
        await _app.Services.MigrateDatabaseAsync();
        _admin = await StaffPeople.AdminAsync(_app, AdminLogin);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task Signing_in_sets_an_HttpOnly_SameSite_Strict_session_cookie_and_returns_the_csrf_token()
    {
        using var browser = StaffBrowser.Open(_app);

        using var response = await browser.SignInAsync(AdminLogin, StaffPeople.OwnPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(StaffSessionCookie.Name + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);   // plain HTTP on loopback; HTTPS adds it
        var session = browser.Session!;
        Assert.Equal("admin", session.Account.Role);
        Assert.False(session.Account.MustChangePassword);
        Assert.Equal(_clock.GetUtcNow().AddHours(8), session.ExpiresAt);
        Assert.False(string.IsNullOrEmpty(browser.CsrfToken));
        Assert.DoesNotContain(browser.CsrfToken!, cookie, StringComparison.Ordinal);

        using var me = await browser.GetAsync("/api/staff/session");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(browser.CsrfToken, (await me.Content.ReadFromJsonAsync<SessionDto>())!.CsrfToken);
    }

    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_get_the_same_answer()
    {
        using var browser = StaffBrowser.Open(_app);

        using var unknown = await browser.SignInAsync("nobody@city.example", "some password here");
        using var wrong = await browser.SignInAsync(AdminLogin, "some password here");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(await ProblemTextAsync(unknown), await ProblemTextAsync(wrong));
        Assert.False(unknown.Headers.Contains("Set-Cookie"));
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_name_with_429_until_the_lockout_ends()
    {
        using var browser = StaffBrowser.Open(_app);
        for (var i = 1; i < 5; i++)
        {
            using var refused = await browser.SignInAsync(AdminLogin, "wrong password " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var fifth = await browser.SignInAsync(AdminLogin, "wrong password 5");
        using var right = await browser.SignInAsync(AdminLogin, StaffPeople.OwnPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), right.Headers.RetryAfter?.Delta);
        Assert.Null(browser.SessionCookie);

        _clock.Advance(TimeSpan.FromMinutes(14));
        using var stillLocked = await browser.SignInAsync(AdminLogin, StaffPeople.OwnPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);

        _clock.Advance(TimeSpan.FromMinutes(1));
        using var afterwards = await browser.SignInAsync(AdminLogin, StaffPeople.OwnPassword);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task An_unknown_name_locks_exactly_like_a_real_one()
    {
        using var browser = StaffBrowser.Open(_app);
        var answers = new List<(HttpStatusCode, string)>();
        foreach (var login in new[] { AdminLogin, "nobody@city.example" })
        {
            for (var i = 1; i <= 6; i++)
            {
                using var response = await browser.SignInAsync(login, "wrong password " + i);
                answers.Add((response.StatusCode, await ProblemTextAsync(response)));
            }
        }

        Assert.Equal(answers[..6], answers[6..]);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].Item1);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_even_for_a_replayed_cookie()
    {
        using var browser = StaffBrowser.Open(_app);
        await browser.SignInOrFailAsync(AdminLogin, StaffPeople.OwnPassword);
        var stolen = browser.SessionCookie!;

        using var signedOut = await browser.SendAsync(HttpMethod.Delete, "/api/staff/session", csrfToken: browser.CsrfToken);

        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Null(browser.SessionCookie);
        using var replay = await ReplayAsync(stolen, "/api/staff/accounts");
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_half_an_hour_idle_and_after_eight_hours_however_active()
    {
        using var idle = StaffBrowser.Open(_app);
        await idle.SignInOrFailAsync(AdminLogin, StaffPeople.OwnPassword);
        using var busy = StaffBrowser.Open(_app);
        await busy.SignInOrFailAsync(AdminLogin, StaffPeople.OwnPassword);

        for (var minutes = 0; minutes < 8 * 60 - 20; minutes += 20)
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            using var active = await busy.GetAsync("/api/staff/session");
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        using var idledOut = await idle.GetAsync("/api/staff/session");
        Assert.Equal(HttpStatusCode.Unauthorized, idledOut.StatusCode);

        _clock.Advance(TimeSpan.FromMinutes(20));
        using var expired = await busy.GetAsync("/api/staff/session");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task A_change_made_with_the_cookie_but_without_the_csrf_token_is_refused()
    {
        var body = new NewAccountDto("forged@city.example", "Forged", "admin", null, "forged password 123");

        using var missing = await _admin.PostAsync("/api/staff/accounts", body, withCsrf: false);
        using var wrong = await _admin.SendAsync(HttpMethod.Post, "/api/staff/accounts", body, csrfToken: "not-the-token");
        using var signOut = await _admin.SendAsync(HttpMethod.Delete, "/api/staff/session");

        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, signOut.StatusCode);
        Assert.Contains(StaffSessionCookie.CsrfHeader, await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await ListAsync(), a => a.Login == "forged@city.example");

        using var withToken = await _admin.PostAsync("/api/staff/accounts", body);
        Assert.Equal(HttpStatusCode.Created, withToken.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_live_session_stops_working()
    {
        using var operatorBrowser = await StaffPeople.PersonAsync(_admin, _app, "olga@city.example", "operator");
        using var working = await operatorBrowser.GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.OK, working.StatusCode);
        var id = await IdOfAsync("olga@city.example");

        using var disabled = await _admin.PostAsync($"/api/staff/accounts/{id}/disable", null);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<StaffAccount>())!.Disabled);
        using var live = await operatorBrowser.GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.Unauthorized, live.StatusCode);
        using var again = StaffBrowser.Open(_app);
        using var signIn = await again.SignInAsync("olga@city.example", StaffPeople.OwnPassword);
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Null(again.SessionCookie);

        using var enabled = await _admin.PostAsync($"/api/staff/accounts/{id}/enable", null);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        await again.SignInOrFailAsync("olga@city.example", StaffPeople.OwnPassword);
    }

    [Fact]
    public async Task An_account_disabled_in_the_database_by_any_means_stops_working_on_its_next_request()
    {
        using var operatorBrowser = await StaffPeople.PersonAsync(_admin, _app, "olga@city.example", "operator");
        var factory = _app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.StaffAccounts.Where(a => a.Login == "olga@city.example").ExecuteUpdateAsync(a => a.SetProperty(x => x.Disabled, true));
        }

        using var live = await operatorBrowser.GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, live.StatusCode);
    }

    private static async Task<string> ProblemTextAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return $"{problem.RootElement.GetProperty("title").GetString()}|{problem.RootElement.GetProperty("detail").GetString()}";
    }

    private static async Task<HttpResponseMessage> WithKeyAsync(HttpClient http, string key, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return await http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string path)
    {
        using var http = _app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{StaffSessionCookie.Name}={cookie}");
        return await http.SendAsync(request);
    }

    private async Task<long> IdOfAsync(string login) => (await ListAsync()).Single(a => a.Login == login).Id;

    private async Task<List<StaffAccount>> ListAsync()
    {
        using var response = await _admin.GetAsync("/api/staff/accounts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<StaffAccount>>())!;
    }
}
