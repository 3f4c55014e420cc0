using ChannelBot.Schema;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChannelBot.Web.Tests.Support;

/// <summary>
/// Plays the Bot Framework channel behind <c>serviceUrl</c> (what the Emulator runs): accepts the bot's activities
/// and keeps them, so a test reads what the resident was sent.
/// </summary>
public sealed class FakeConnector : IDisposable
{
    public FakeConnector()
    {
        Server = WireMockServer.Start();
        Server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/v3/conversations/.*")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"id":"sent"}"""));
    }

    public WireMockServer Server { get; }

    /// <summary>The serviceUrl inbound activities carry.</summary>
    public string ServiceUrl => Server.Url + "/";

    /// <summary>Every activity the bot sent to <paramref name="conversationId"/>, in arrival order.</summary>
    public IReadOnlyList<Activity> SentTo(string conversationId) =>
        [.. Server.LogEntries
            .Where(e => e.RequestMessage.Path.StartsWith($"/v3/conversations/{Uri.EscapeDataString(conversationId)}/", StringComparison.Ordinal))
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => ActivityJson.Deserialize(e.RequestMessage.Body ?? "{}"))];

    /// <summary>Waits for the bot's answer to the resident's activity <paramref name="activityId"/>; fails after 30 s.</summary>
    public async Task<Activity> WaitForReplyToAsync(string conversationId, string activityId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var sent = SentTo(conversationId);
            if (sent.FirstOrDefault(a => a.ReplyToId == activityId) is { } reply)
            {
                return reply;
            }

            if (DateTime.UtcNow > deadline)
            {
                var texts = string.Join(" | ", sent.Select(a => a.Text));
                throw new TimeoutException($"The bot never answered {activityId} in {conversationId}; it sent: {texts}");
            }

            await Task.Delay(20);
        }
    }

    public void Dispose() => Server.Dispose();
}
