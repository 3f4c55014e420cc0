using System.Net;
using System.Text.Json;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>Passwords and their hashes never leave the app, in answers or in its logs (every level).</summary>
[Collection(LogCaptureCollection.Name)]
public sealed class StaffSecretTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private TestStorage _storage = null!;
    private ChannelBotApp _app = null!;
    private StaffBrowser _admin = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        _app = ChannelBotApp.Start(
            _storage,
            new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Verbose" },
            services => services.AddSingleton<ILogEventSink>(_logs));
        _admin = await StaffPeople.AdminAsync(_app);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task Passwords_and_their_hashes_are_never_returned_or_logged()
    {
        const string secret = "a very secret password 42";
        await StaffPeople.CreateAsync(_admin, "sam@city.example", "operator");
        var id = await IdOfAsync("sam@city.example");
        using var reset = await _admin.PostAsync($"/api/staff/accounts/{id}/password", new PasswordResetDto(secret));
        using var browser = StaffBrowser.Open(_app);
        using var signIn = await browser.SignInAsync("sam@city.example", secret);
        using var wrong = await browser.SignInAsync("sam@city.example", secret + " typo");
        using var list = await _admin.GetAsync("/api/staff/accounts");
        using var one = await _admin.GetAsync($"/api/staff/accounts/{id}");

        var hash = await StoredHashAsync(id);
        foreach (var body in new[] { await reset.Content.ReadAsStringAsync(), JsonSerializer.Serialize(browser.Session), await list.Content.ReadAsStringAsync(), await one.Content.ReadAsStringAsync() })
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain(hash, body, StringComparison.Ordinal);
            Assert.DoesNotContain("passwordHash", body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(_logs.Events, e => e.Contains("signed in", StringComparison.Ordinal));   // the sink does see the app's logs   // the sink does see the app's logs
        Assert.DoesNotContain(_logs.Events, e => e.Contains("very secret", StringComparison.Ordinal) || e.Contains(hash, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Events, e => e.Contains("sam@city.example", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<long> IdOfAsync(string login)
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return (await db.StaffAccounts.SingleAsync(a => a.Login == login)).Id;
    }

    private async Task<string> StoredHashAsync(long id)
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return (await db.StaffAccounts.FindAsync(id))!.PasswordHash;
    }
}
