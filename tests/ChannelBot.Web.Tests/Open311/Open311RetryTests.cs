using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Web.Tests.Open311;

/// <summary>
/// A client that sends its POST requests again (after a timeout, or twice at once) files one case: with an
/// Idempotency-Key, the same key answers the first case's service_request_id; without one (FixMyStreet), the same
/// report from the same api_key within Open311:SameRequestWindow does. A report that differs, comes from another
/// key or comes after the window is a new one.
/// </summary>
public sealed class Open311RetryTests
{
    private const string OtherKey = "another-app-key-0123456789abcdef0123456789";

    private static readonly KeyValuePair<string, string>[] Report =
    [
        new("service_code", "PTHOLE"), new("lat", "42.113504"), new("long", "-72.589855"), new("attribute[WHERE_IN_ROAD]", "traffic-lane"),
        new("description", "Deep hole by the bus stop"), new("email", "pat@example.com"), new("first_name", "Pat"),
    ];

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task The_same_report_posted_three_times_at_once_without_a_key_files_one_case_and_a_later_retry_gets_its_id(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var app = ChannelBotApp.Start(storage, Settings());
        using var http = app.CreateHttpClient();
        var client = new Open311Client(http, Open311ServerTests.Key);

        var together = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsync("/requests.json", Report)));
        var retried = await client.PostAsync("/requests.json", Report);

        Assert.All(together.Append(retried), r => Assert.Equal(200, r.Status));
        var ids = together.Append(retried).Select(r => r.Body[0].GetProperty("service_request_id").GetString()).Distinct().ToList();
        Assert.Single(ids);
        Assert.Single(await CaseRows.AllAsync(app.Services));
        Assert.All(together.Append(retried), r => Assert.Equal(together[0].Body[0].GetProperty("service_notice").GetString(), r.Body[0].GetProperty("service_notice").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task The_same_Idempotency_Key_sent_three_times_at_once_files_one_case_and_a_new_key_files_a_new_one(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var app = ChannelBotApp.Start(storage, Settings());
        using var http = app.CreateHttpClient();
        var client = new Open311Client(http, Open311ServerTests.Key);

        var together = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsync("/requests.json", Report, idempotencyKey: "app-report-77")));
        var again = await client.PostAsync("/requests.json", Report, idempotencyKey: "app-report-77");
        var newKey = await client.PostAsync("/requests.json", Report, idempotencyKey: "app-report-78");

        var first = together[0].Body[0].GetProperty("service_request_id").GetString();
        Assert.All(together.Append(again), r => Assert.Equal(first, r.Body[0].GetProperty("service_request_id").GetString()));
        var second = newKey.Body[0].GetProperty("service_request_id").GetString();
        Assert.NotEqual(first, second);
        // The client said it is a new report: it is filed, and follows the open case at the same place.
        Assert.Contains(first!, newKey.Body[0].GetProperty("service_notice").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await CaseRows.AllAsync(app.Services)).Count);
    }

    [Fact]
    public async Task Without_a_key_only_the_same_report_from_the_same_key_within_the_window_is_taken_for_a_retry()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        var clock = new FakeTimeProvider(PinnedClock.Default);
        await using var app = ChannelBotApp.Start(storage, Settings(), services => services.AddSingleton<TimeProvider>(clock));
        using var http = app.CreateHttpClient();
        var client = new Open311Client(http, Open311ServerTests.Key);
        var otherApp = new Open311Client(http, OtherKey);

        var first = await IdAsync(client.PostAsync("/requests.json", Report));
        clock.Advance(TimeSpan.FromMinutes(59));
        var retry = await IdAsync(client.PostAsync("/requests.json", Report));
        var spaced = await IdAsync(client.PostAsync("/requests.json", [.. Report.Select(f => f.Key == "description" ? new(f.Key, "  " + f.Value + " ") : f)]));
        var otherWords = await IdAsync(client.PostAsync("/requests.json", [.. Report.Select(f => f.Key == "description" ? new(f.Key, "Another hole") : f)]));
        var otherContact = await IdAsync(client.PostAsync("/requests.json", [.. Report.Select(f => f.Key == "email" ? new(f.Key, "lee@example.com") : f)]));
        var otherCaller = await IdAsync(otherApp.PostAsync("/requests.json", Report));
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterWindow = await IdAsync(client.PostAsync("/requests.json", Report));

        Assert.Equal(first, retry);
        Assert.Equal(first, spaced);
        Assert.Equal(4, new[] { first, otherWords, otherContact, otherCaller }.Distinct().Count());
        Assert.NotEqual(first, afterWindow);
        Assert.Equal(5, (await CaseRows.AllAsync(app.Services)).Count);
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("a-key-far-too-long-0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890")]
    [InlineData("")]
    public async Task A_malformed_Idempotency_Key_is_a_400_and_files_nothing(string key)
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings());
        using var http = app.CreateHttpClient();

        var (status, body) = await new Open311Client(http, Open311ServerTests.Key).PostAsync("/requests.json", Report, idempotencyKey: key);

        Assert.Equal(400, status);
        Assert.Equal("400", body[0].GetProperty("code").GetString());
        Assert.Contains("Idempotency-Key", body[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Empty(await CaseRows.AllAsync(app.Services));
    }

    private static async Task<string> IdAsync(Task<(int Status, System.Text.Json.JsonElement Body)> posting)
    {
        var (status, body) = await posting;
        Assert.True(status == 200, body.ToString());
        return body[0].GetProperty("service_request_id").GetString()!;
    }

    private static Dictionary<string, string?> Settings()
    {
        var settings = Open311ServerTests.Settings();
        settings["Open311:SameRequestWindow"] = "01:00:00";
        settings["Open311:ApiKeys:1:Name"] = "Another city app";
        settings["Open311:ApiKeys:1:Key"] = OtherKey;
        return settings;
    }
}
