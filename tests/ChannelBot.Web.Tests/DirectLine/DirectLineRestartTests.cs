using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChannelBot.Schema;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.DirectLine;

/// <summary>
/// The web chat conversation log is durable: after the app restarts on the same database, a client that comes back
/// with its conversation id, token and watermark gets what came after the watermark — nothing twice, nothing
/// missing — and finishes its report. On SQLite and on PostgreSQL.
/// </summary>
public sealed partial class DirectLineRestartTests : IDisposable
{
    private const string SigningKey = "dGVzdC1zaWduaW5nLWtleS1mb3ItZGlyZWN0LWxpbmUtdG9rZW5zLTAxMjM0NTY3";

    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("channelbot-directline-restart-");

    public void Dispose() => _files.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_web_chat_resumes_after_a_restart_from_its_watermark_and_finishes_the_report(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        string conversationId, userId, token, watermark;
        IReadOnlyList<Activity> seenBeforeWatermark, deliveredBeforeRestart;
        await using (var first = ChannelBotApp.Start(storage, Settings()))
        {
            using var http = first.CreateHttpClient();
            await using var resident = await DirectLineResident.OpenAsync(http);
            await resident.NextFromBotAsync();
            await resident.SayAsync("there's a huge pothole in the road");

            // The page's sessionStorage at this point; what follows is what it will have missed.
            (watermark, seenBeforeWatermark) = resident.Seen;
            var askLane = await resident.SayAsync("123 Main St");
            Assert.NotNull(askLane.SuggestedActions);
            (conversationId, userId, token) = (resident.ConversationId, resident.UserId, resident.Token);
            deliveredBeforeRestart = resident.Delivered;
        }

        await using var second = ChannelBotApp.Start(storage, Settings());
        using var secondHttp = second.CreateHttpClient();
        await using var resumed = await DirectLineResident.ResumeAsync(secondHttp, conversationId, userId, token, watermark);

        var missed = deliveredBeforeRestart.Skip(seenBeforeWatermark.Count).Select(a => a.Id).ToList();
        Assert.NotEmpty(missed);
        var replayed = await resumed.DeliveredAtLeastAsync(missed.Count);
        Assert.Equal(missed, replayed.Take(missed.Count).Select(a => a.Id));
        Assert.DoesNotContain(replayed, a => seenBeforeWatermark.Any(seen => seen.Id == a.Id));
        Assert.Equal(replayed.Count, replayed.Select(a => a.Id).Distinct().Count());
        Assert.Contains(replayed, a => a.Text == "123 Main St" && a.From?.Role == RoleTypes.User);

        await resumed.SayAsync("next to the curb");
        await resumed.SayAsync("skip");
        await resumed.SayAsync("It is deep enough to damage a tire.");
        await resumed.SayAsync("no");   // the description stays off the public map
        await resumed.SayAsync("no photo");
        await resumed.SayAsync("skip");   // name
        var summary = await resumed.SayAsync("skip");   // updates
        Assert.True(summary.Text?.Contains("123 Main St", StringComparison.Ordinal), resumed.Transcript);
        var receipt = await resumed.SayAsync("yes");

        Assert.Matches(Ticket(), receipt.Text ?? string.Empty);
        var saved = Assert.Single(await CaseRows.AllAsync(second.Services));
        Assert.Equal("123 Main St", saved.Location.Address);
        Assert.Equal(userId, saved.Reporter.ChannelUserId);
        var all = resumed.Delivered;
        Assert.Equal(all.Count, all.Select(a => a.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Many_posts_at_once_to_one_conversation_get_unique_gap_free_ids_that_survive_a_restart(string provider)
    {
        const int Posts = 25;
        await using var storage = await TestStorage.CreateAsync(provider);
        string conversationId, token;
        IReadOnlyList<string> before;
        await using (var first = ChannelBotApp.Start(storage, Settings()))
        {
            using var http = first.CreateHttpClient();
            (conversationId, token) = await StartAsync(http);

            var ids = await Task.WhenAll(Enumerable.Range(0, Posts).Select(i => Task.Run(() => PostAsync(http, conversationId, token, $"message {i}"))));

            Assert.Equal(Posts, ids.Distinct().Count());
            var (activities, watermark) = await PollUntilAsync(http, conversationId, token, set => ids.All(id => set.Any(a => a.Id == id)));
            before = activities.Select(a => a.Id!).ToList();

            // Slot 0 is the join (never delivered); every slot after it up to the watermark is delivered once, in order.
            var sequences = before.Select(SequenceOf).ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
            Assert.Equal(sequences.Count + 1, long.Parse(watermark, CultureInfo.InvariantCulture));
        }

        await using var second = ChannelBotApp.Start(storage, Settings());
        using var secondHttp = second.CreateHttpClient();
        var (after, _) = await PollUntilAsync(secondHttp, conversationId, token, set => set.Count >= before.Count);

        Assert.Equal(before, after.Take(before.Count).Select(a => a.Id!));
        Assert.Equal(after.Count, after.Select(a => a.Id).Distinct().Count());
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["DirectLine:TokenSigningKey"] = SigningKey,
        ["DirectLine:UploadPath"] = Path.Combine(_files.FullName, "uploads"),
        ["DirectLine:PostBurst"] = "100",
        ["Photos:Path"] = Path.Combine(_files.FullName, "photos"),
    };

    private static long SequenceOf(string id) => long.Parse(id[(id.IndexOf('|', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);

    private static async Task<(string ConversationId, string Token)> StartAsync(HttpClient http)
    {
        using var session = await http.PostAsync(new Uri("/api/chat/session", UriKind.Relative), null);
        using var sessionJson = JsonDocument.Parse(await session.Content.ReadAsStringAsync());
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sessionJson.RootElement.GetProperty("token").GetString());
        using var started = await http.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        using var json = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("conversationId").GetString()!, json.RootElement.GetProperty("token").GetString()!);
    }

    private static async Task<string> PostAsync(HttpClient http, string conversationId, string token, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new StringContent($$$"""{"type":"message","text":"{{{text}}}","channelData":{"clientActivityID":"{{{Guid.NewGuid():N}}}"}}""", Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Polls from the start of the log until <paramref name="done"/> holds (bounded: 60 s).</summary>
    private static async Task<(IReadOnlyList<Activity> Activities, string Watermark)> PollUntilAsync(HttpClient http, string conversationId, string token, Func<IReadOnlyList<Activity>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var activities = json.RootElement.GetProperty("activities").EnumerateArray().Select(e => ActivityJson.Deserialize(e.GetRawText())).ToList();
            if (done(activities))
            {
                return (activities, json.RootElement.GetProperty("watermark").GetString()!);
            }

            Assert.True(DateTime.UtcNow < deadline, $"The log did not reach the expected state in 60 s; it has {activities.Count} activities.");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
