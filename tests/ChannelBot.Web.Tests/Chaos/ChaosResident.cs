using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChannelBot.Channels.Twilio;
using ChannelBot.Schema;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Chaos;

/// <summary>
/// A resident who keeps going while the app dies under them: every message has one id, sent again (as a provider
/// redelivers) until the app accepts it, and the next one waits until the answer to this one has arrived.
/// </summary>
internal abstract partial class ChaosResident(string name, IReadOnlyList<string> script)
{
    public string Name => name;

    /// <summary>What the resident received, in order, ticket numbers masked (so residents of one channel compare equal).</summary>
    public IReadOnlyList<string> Received => [.. ReceivedTexts().Select(text => Ticket().Replace(text, "311-####-######"))];

    public async Task ReportAsync(Func<HttpClient> http)
    {
        await StartAsync(http);
        for (var i = 0; i < script.Count; i++)
        {
            var before = ReceivedTexts().Count;
            var id = $"{name}-{i}";
            await SendUntilAcceptedAsync(http, id, script[i], before);
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (true)
            {
                await RefreshAsync(http);
                if (Answered(id, before))
                {
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"{name} got no answer to '{script[i]}' within 2 minutes; received: {string.Join(" | ", ReceivedTexts())}");
                await Task.Delay(50);
            }
        }
    }

    /// <summary>What a client does before its first message (web chat: a session and a conversation).</summary>
    protected virtual Task StartAsync(Func<HttpClient> http) => Task.CompletedTask;

    /// <summary>Reads what arrived for the resident where it is not pushed to a fake (web chat: a poll).</summary>
    protected virtual Task RefreshAsync(Func<HttpClient> http) => Task.CompletedTask;

    /// <summary>
    /// Before a message the app did not answer is sent again: whether it was accepted after all (a client that can
    /// read its conversation looks; a provider cannot and resends the same id).
    /// </summary>
    protected virtual Task<bool> AcceptedMeanwhileAsync(Func<HttpClient> http, string id, int receivedBefore) => Task.FromResult(false);

    protected abstract Task<HttpResponseMessage> PostAsync(HttpClient http, string id, string text);

    protected abstract IReadOnlyList<string> ReceivedTexts();

    protected virtual bool Answered(string id, int receivedBefore) => ReceivedTexts().Count > receivedBefore;

    private async Task SendUntilAcceptedAsync(Func<HttpClient> http, string id, string text, int receivedBefore)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0 && await AcceptedMeanwhileAsync(http, id, receivedBefore))
            {
                return;
            }

            try
            {
                using var response = await PostAsync(http(), id, text);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // The app is down or died mid-request: the provider tries again with the same id.
            }

            Assert.True(DateTime.UtcNow < deadline, $"{name}: '{text}' was not accepted within 2 minutes.");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}

/// <summary>A resident texting (SMS) or writing on WhatsApp through Twilio's signed webhook.</summary>
internal sealed class TwilioResident(FakeTwilio twilio, string address, bool whatsApp, IReadOnlyList<string> script) : ChaosResident(address, script)
{
    protected override async Task<HttpResponseMessage> PostAsync(HttpClient http, string id, string text)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", "SM" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)))[..32].ToLowerInvariant()),
            new("AccountSid", FakeTwilio.AccountSid),
            new("From", Name),
            new("To", whatsApp ? FakeTwilio.WhatsAppNumber : FakeTwilio.CityNumber),
            new("Body", text),
            new("NumMedia", "0"),
        };
        if (whatsApp)
        {
            fields.Add(new("MessageType", "text"));
            fields.Add(new("WaId", Name["whatsapp:+".Length..]));
        }

        var signature = TwilioSignature.Compute(FakeTwilio.AuthToken, FakeTwilio.PublicBaseUrl + TwilioRoutes.MessagesPath, fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioRoutes.MessagesPath) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.HeaderName, signature);
        return await http.SendAsync(request);
    }

    protected override IReadOnlyList<string> ReceivedTexts() => twilio.ReceivedBy(Name);
}

/// <summary>A resident on a Bot Framework channel (the Connector: Teams, web chat through Azure, the Emulator).</summary>
internal sealed class ConnectorResident(FakeConnector connector, string conversation, IReadOnlyList<string> script) : ChaosResident(conversation, script)
{
    protected override Task<HttpResponseMessage> PostAsync(HttpClient http, string id, string text) =>
        http.PostAsJsonAsync("/api/messages", new EmulatorClient(http, connector, Name).Message(text, id), ActivityJson.Options);

    protected override IReadOnlyList<string> ReceivedTexts() => [.. connector.SentTo(Name).Select(a => $"{a.ReplyToId}: {a.Text}")];

    protected override bool Answered(string id, int receivedBefore) => connector.SentTo(Name).Any(a => a.ReplyToId == id);
}
