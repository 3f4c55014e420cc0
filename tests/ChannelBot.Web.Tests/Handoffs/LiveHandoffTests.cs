using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChannelBot.Infrastructure.Handoffs;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Meta;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Handoffs;

/// <summary>
/// Live handoff through the staff API on the real app, on SQLite and PostgreSQL: a Messenger resident (signed webhooks,
/// a fake Send API) asks for a person mid-report during staffed hours (the pinned clock's Wednesday noon); the operator
/// finds them in line, takes them (the resident is told who joined), replies (the words reach the Send API), and hands
/// back to the bot, which asks the interrupted question again. While with a person the bot says nothing.
/// </summary>
public sealed class LiveHandoffTests : IDisposable
{
    private readonly MessengerResident _resident = new();

    public void Dispose() => _resident.Dispose();

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task An_operator_takes_a_messenger_resident_replies_on_messenger_and_hands_back_to_the_bot(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        // The pinned clock's Wednesday noon is within staffed hours; no "still waiting" notice may come in between.
        var settings = _resident.Settings().WithOperator();
        settings["Handoff:WaitNoticeAfter"] = "01:00:00";
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();

        await _resident.SayAsync(http, app.Services, "hi");
        var askWhere = await _resident.SayAsync(http, app.Services, "the streetlight on my corner is out");
        Assert.Contains("Where is it?", Text(askWhere), StringComparison.Ordinal);
        var queued = await _resident.SayAsync(http, app.Services, "talk to a person");
        Assert.Contains("I've asked a 311 operator to join this chat", Text(queued), StringComparison.Ordinal);

        var line = await ListAsync(http);
        var waiting = Assert.Single(line);
        Assert.Equal("facebook", waiting.ChannelId);
        Assert.Equal(1, waiting.Position);
        Assert.Null(waiting.TakenBy);

        // What the resident writes now is for the operator: no answer from the bot, and the operator reads it.
        var quiet = await _resident.SayToOperatorAsync(http, app.Services, "it's the one in front of 300 Oak Ave, been out a week");
        Assert.Empty(quiet);

        var before = _resident.Sent.Count;
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(http, $"/api/handoffs/{waiting.Id}/take", null));
        Assert.Contains("Olga from 311 has joined the chat.", Text(await _resident.WaitForSentAsync(before + 1)), StringComparison.Ordinal);

        // The operator writes: Messenger shows the resident "typing…" (a sender action, not a message).
        var typing = _resident.Posted.Count(p => p["sender_action"]?.GetValue<string>() == "typing_on");
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(http, $"/api/handoffs/{waiting.Id}/typing", null));
        await Eventually.HoldsAsync(() => _resident.Posted.Count(p => p["sender_action"]?.GetValue<string>() == "typing_on") > typing);

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(http, $"/api/handoffs/{waiting.Id}/reply", new HandoffReplyRequest("Thanks! I see it. I'll file it for you now.")));
        var reply = (await _resident.WaitForSentAsync(before + 2))[^1];
        Assert.Equal(MessengerResident.Psid, reply["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("Thanks! I see it. I'll file it for you now.", reply["message"]!["text"]!.GetValue<string>());

        var detail = await GetAsync(http, waiting.Id);
        Assert.False(detail.Ended);
        Assert.Equal("Olga Operator", detail.Line.TakenBy);
        Assert.Contains(detail.Messages, m => m.Direction == "resident" && m.Text == "it's the one in front of 300 Oak Ave, been out a week");
        Assert.Contains(detail.Messages, m => m.Direction == "operator" && m.Author == "Olga Operator" && m.Text!.StartsWith("Thanks! I see it.", StringComparison.Ordinal));
        Assert.True(detail.Messages.ToList().FindIndex(m => m.Direction == "resident" && m.Text!.StartsWith("it's the one", StringComparison.Ordinal))
            < detail.Messages.ToList().FindIndex(m => m.Direction == "operator"), "the transcript is in order");

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(http, $"/api/handoffs/{waiting.Id}/return", null));
        var back = await _resident.WaitForSentAsync(before + 3);
        Assert.Contains("The operator handed you back to me, the 311 bot.", Text(back.Skip(before + 2).ToList()), StringComparison.Ordinal);
        Assert.Contains("Where is it?", Text(back.Skip(before + 2).ToList()), StringComparison.Ordinal);
        Assert.Empty(await ListAsync(http));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync(http, $"/api/handoffs/{waiting.Id}/reply", new HandoffReplyRequest("still there?")));

        // The bot is back: the report goes on where it stopped.
        var next = await _resident.SayAsync(http, app.Services, "300 Oak Ave");
        Assert.DoesNotContain("Where is it?", Text([next[^1]]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resident_nobody_takes_is_told_where_they_stand_once_and_cancel_leaves_the_line()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        var settings = _resident.Settings().WithOperator();
        settings["Handoff:WaitNoticeAfter"] = "00:00:00.2";
        settings["Handoff:WaitNoticeInterval"] = "00:00:00.05";
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();

        await _resident.SayAsync(http, app.Services, "agent");
        var notice = await _resident.WaitForSentAsync(2);
        Assert.Contains("You're number 1 in line for a 311 operator", Text(notice), StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Single(_resident.Sent, m => Text([m]).Contains("in line for a 311 operator, who will answer", StringComparison.Ordinal));

        var left = await _resident.SayAsync(http, app.Services, "cancel");
        Assert.Contains("OK, you're back with the 311 bot.", Text(left), StringComparison.Ordinal);
        Assert.Empty(await ListAsync(http));
    }

    [Fact]
    public async Task Only_operators_and_admins_see_the_line()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        var settings = _resident.Settings().WithOperator();
        settings["Staff:ApiKeys:1:Name"] = "Streets crew";
        settings["Staff:ApiKeys:1:Key"] = "streets-key-0123456789abcdef0123456789ab";
        settings["Staff:ApiKeys:1:Role"] = "department";
        settings["Staff:ApiKeys:1:Department"] = "Streets";
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/handoffs");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", "streets-key-0123456789abcdef0123456789ab");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var anonymous = await http.GetAsync("/api/handoffs");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static string Text(IReadOnlyList<JsonObject> sent) =>
        string.Join("\n", sent.Select(m => m["message"]?["text"]?.GetValue<string>() ?? string.Empty));

    private static async Task<IReadOnlyList<HandoffLine>> ListAsync(HttpClient http)
    {
        using var request = Authorized(HttpMethod.Get, "/api/handoffs");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<HandoffLine>>())!;
    }

    private static async Task<HandoffDetailDto> GetAsync(HttpClient http, long id)
    {
        using var request = Authorized(HttpMethod.Get, $"/api/handoffs/{id}");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<HandoffDetailDto>())!;
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string path, object? body)
    {
        using var request = Authorized(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", StaffApi.OperatorKey);
        return request;
    }
}
