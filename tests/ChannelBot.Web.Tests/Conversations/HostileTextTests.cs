using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChannelBot.Schema;
using ChannelBot.Web.Tests.DirectLine;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>
/// One message must never stop the city's 311: a 200,000-letter "word" and 8,000 characters of random words, sent
/// through web chat and through /api/messages, are answered, and another resident on another conversation files a
/// whole pothole report meanwhile.
/// </summary>
public sealed class HostileTextTests : IAsyncLifetime
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("channelbot-hostile-");
    private TestStorage _storage = null!;
    private FakeConnector _connector = null!;
    private ChannelBotApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        _connector = new FakeConnector();
        _app = ChannelBotApp.Start(_storage, new Dictionary<string, string?>
        {
            ["DirectLine:TokenSigningKey"] = "dGVzdC1zaWduaW5nLWtleS1mb3ItZGlyZWN0LWxpbmUtdG9rZW5zLTAxMjM0NTY3",
            ["DirectLine:UploadPath"] = Path.Combine(_files.FullName, "uploads"),
            ["Photos:Path"] = Path.Combine(_files.FullName, "photos"),
        });
        _http = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _connector.Dispose();
        await _storage.DisposeAsync();
        _files.Delete(recursive: true);
    }

    public static string LongWord { get; } = new('z', 200_000);

    public static string RandomWords { get; } = MakeRandomWords(8_000, seed: 311);

    [Fact]
    public async Task Hostile_texts_through_web_chat_and_the_Connector_do_not_hold_up_another_resident()
    {
        await using var webChat = await DirectLineResident.OpenAsync(_http);
        await webChat.NextFromBotAsync();
        var attacker = new EmulatorClient(_http, _connector, "attacker-" + Guid.NewGuid().ToString("N"), "attacker");
        await attacker.SayAsync("hi");

        // Posted without waiting for answers, then a real resident reports a pothole from start to finish.
        var webChatLongWord = PostToWebChatAsync(webChat, LongWord);
        var posts = new List<Task<HttpResponseMessage>>
        {
            PostToWebChatAsync(webChat, RandomWords),
            attacker.PostAsync(attacker.Message(LongWord, "long-word")),
            attacker.PostAsync(attacker.Message(RandomWords, "random-words")),
        };
        var resident = new EmulatorClient(_http, _connector, "resident-" + Guid.NewGuid().ToString("N"));
        await PotholeScript.StartAsync(resident);
        var receipt = await PotholeScript.FinishAsync(resident);

        Assert.Matches(@"311-\d{4}-\d{6}", receipt);
        foreach (var post in posts)
        {
            using var response = await post;
            Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}");
        }

        // Web chat takes activities of up to 32 KB: the 200,000-letter word is refused with a clear 413.
        using (var refused = await webChatLongWord)
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        }

        // The attacker's own messages were read (cut to the channel's limit) and answered like any other.
        await _connector.WaitForReplyToAsync(attacker.ConversationId, "long-word");
        await _connector.WaitForReplyToAsync(attacker.ConversationId, "random-words");
    }

    private async Task<HttpResponseMessage> PostToWebChatAsync(DirectLineResident resident, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{resident.ConversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", resident.Token);
        var activity = new Activity { Type = ActivityTypes.Message, From = new ChannelAccount { Id = resident.UserId }, Text = text };
        request.Content = new StringContent(JsonSerializer.Serialize(activity, ActivityJson.Options), Encoding.UTF8, "application/json");
        var response = await _http.SendAsync(request);
        return response;
    }

    private static string MakeRandomWords(int length, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            var word = random.Next(1, 14);
            for (var i = 0; i < word; i++)
            {
                text.Append((char)('a' + random.Next(26)));
            }

            text.Append(' ');
        }

        return text.ToString(0, length);
    }
}
