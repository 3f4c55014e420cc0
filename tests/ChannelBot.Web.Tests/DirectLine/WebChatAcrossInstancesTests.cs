using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChannelBot.Infrastructure.Instances;
using ChannelBot.Schema;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.DirectLine;

/// <summary>
/// Two app instances on one PostgreSQL database, as a city runs them behind a load balancer without sticky sessions:
/// a web chat's posts reach one instance, which runs the turns and sends the bot's replies, while its WebSocket, polls
/// and reconnects reach the other, which must deliver those replies all the same, with the watermarks the official
/// client relies on, and accept tokens the first one signed.
/// </summary>
public sealed class WebChatAcrossInstancesTests : IDisposable
{
    private const string SigningKey = "dGVzdC1zaWduaW5nLWtleS1mb3ItZGlyZWN0LWxpbmUtdG9rZW5zLTAxMjM0NTY3";

    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("channelbot-directline-instances-");

    public void Dispose() => _files.Delete(recursive: true);

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task The_official_client_files_a_report_with_its_posts_on_one_instance_and_its_reads_on_the_other(string mode)
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Postgres);
        await using var proxy = await SplitReverseProxy.StartAsync();
        await using var writer = ChannelBotApp.Start(storage, Settings(proxy.BaseAddress));
        await using var reader = ChannelBotApp.Start(storage, Settings(proxy.BaseAddress));
        proxy.Route(writers: writer.BaseAddress, readers: reader.BaseAddress);

        var (exitCode, output, error) = await OfficialDirectLineClient.RunIntakeAsync(proxy.BaseAddress.GetLeftPart(UriPartial.Authority), mode);

        Assert.True(exitCode == 0, $"node intake.js {mode} through the proxy failed ({exitCode}): {error}");
        using var result = JsonDocument.Parse(output);
        Assert.True(result.RootElement.GetProperty("refreshed").GetBoolean());
        var saved = Assert.Single(await CaseRows.AllAsync(writer.Services));
        Assert.Equal(result.RootElement.GetProperty("ticket").GetString(), saved.Ticket.ToString());
        Assert.Equal("123 Main St", saved.Location.Address);

        var routed = proxy.Routed;
        var conversation = $"/v3/directline/conversations/{result.RootElement.GetProperty("conversationId").GetString()}";
        Assert.Contains($"writers POST {conversation}/activities", routed);
        Assert.Contains("writers POST /v3/directline/tokens/refresh", routed);
        Assert.DoesNotContain(routed, r => r.StartsWith("readers POST", StringComparison.Ordinal) || r.StartsWith("writers GET /v3/directline", StringComparison.Ordinal));
        Assert.Contains(mode == "websocket" ? $"readers GET {conversation}/stream" : $"readers GET {conversation}/activities", routed);
        if (mode == "websocket")
        {
            Assert.Contains($"readers GET {conversation}", routed);   // the resume after the dropped connection
        }

        // The replies were computed and sent by the instance that took the posts: the reader only delivered them.
        await using var db = storage.Open();
        var owners = await db.OutboxMessages.Where(m => m.ChannelId == "directline").Select(m => m.OwnerId).Distinct().ToListAsync();
        Assert.Equal([writer.Services.GetRequiredService<InstanceIdentity>().Id], owners);
    }

    [Fact]
    public async Task A_reply_computed_on_one_instance_reaches_a_poll_on_the_other_with_the_next_watermark()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Postgres);
        await using var writer = ChannelBotApp.Start(storage, Settings(publicBase: null));
        await using var reader = ChannelBotApp.Start(storage, Settings(publicBase: null));
        using var toWriter = writer.CreateHttpClient();
        using var toReader = reader.CreateHttpClient();
        var (conversationId, token) = await StartAsync(toWriter);

        var (greeting, afterGreeting) = await PollUntilAsync(toReader, conversationId, token, watermark: null, set => set.Any(IsBotMessage));
        Assert.Contains("311", greeting.Single(IsBotMessage).Text, StringComparison.Ordinal);

        var posted = await PostAsync(toWriter, conversationId, token, "there's a huge pothole in the road");
        var (answered, afterAnswer) = await PollUntilAsync(toReader, conversationId, token, afterGreeting, set => set.Any(a => IsBotMessage(a) && a.ReplyToId == posted));

        Assert.Equal(posted, answered[0].Id);   // the resident's echo first, then the reply to it
        Assert.Contains("Pothole", answered.Single(a => a.ReplyToId == posted && IsBotMessage(a)).Text, StringComparison.Ordinal);
        Assert.Equal(Watermark(afterGreeting) + answered.Count, Watermark(afterAnswer));
        Assert.Empty(answered.Select(a => a.Id).Intersect(greeting.Select(a => a.Id)));

        // The watermark means the same on both instances: nothing after it on the reader, the same set from before it on the writer.
        var (nothingNew, unchanged) = await PollAsync(toReader, conversationId, token, afterAnswer);
        Assert.Empty(nothingNew);
        Assert.Equal(afterAnswer, unchanged);
        var (sameOnWriter, sameWatermark) = await PollAsync(toWriter, conversationId, token, afterGreeting);
        Assert.Equal(answered.Select(a => a.Id), sameOnWriter.Select(a => a.Id));
        Assert.Equal(afterAnswer, sameWatermark);
    }

    private Dictionary<string, string?> Settings(Uri? publicBase) => new()
    {
        ["DirectLine:TokenSigningKey"] = SigningKey,
        ["DirectLine:PublicBaseUrl"] = publicBase?.GetLeftPart(UriPartial.Authority),
        ["DirectLine:UploadPath"] = Path.Combine(_files.FullName, "uploads"),
        ["Photos:Path"] = Path.Combine(_files.FullName, "photos"),
    };

    private static bool IsBotMessage(Activity activity) => activity.From?.Role == RoleTypes.Bot && activity.Type == ActivityTypes.Message;

    private static long Watermark(string watermark) => long.Parse(watermark, CultureInfo.InvariantCulture);

    private static async Task<(string ConversationId, string Token)> StartAsync(HttpClient http)
    {
        using var session = await http.PostAsync(new Uri("/api/chat/session", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
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

    /// <summary>One <c>GET …/activities?watermark=</c>: what came after the watermark, and the watermark after that.</summary>
    private static async Task<(IReadOnlyList<Activity> Activities, string Watermark)> PollAsync(HttpClient http, string conversationId, string token, string? watermark)
    {
        var query = watermark is null ? string.Empty : $"?watermark={watermark}";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var activities = json.RootElement.GetProperty("activities").EnumerateArray().Select(e => ActivityJson.Deserialize(e.GetRawText())).ToList();
        return (activities, json.RootElement.GetProperty("watermark").GetString()!);
    }

    /// <summary>Polls from <paramref name="watermark"/> until <paramref name="done"/> holds for what came after it (bounded: 30 s).</summary>
    private static async Task<(IReadOnlyList<Activity> Activities, string Watermark)> PollUntilAsync(HttpClient http, string conversationId, string token, string? watermark, Func<IReadOnlyList<Activity>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (activities, next) = await PollAsync(http, conversationId, token, watermark);
            if (done(activities))
            {
                return (activities, next);
            }

            Assert.True(DateTime.UtcNow < deadline, $"The other instance's poll did not get the expected activities in 30 s; it got {activities.Count}.");
            await Task.Delay(50);
        }
    }
}
