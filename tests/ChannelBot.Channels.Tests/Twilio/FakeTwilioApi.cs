using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>Plays Twilio's REST API (Messages.json: create and list; media) on a WireMock server on loopback.</summary>
public sealed class FakeTwilioApi : IDisposable
{
    public const string MessagesPath = "/2010-04-01/Accounts/" + TwilioTestHost.AccountSid + "/Messages.json";

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string Url => Server.Url!;

    public IReadOnlyList<ILogEntry> Creates =>
        Server.LogEntries.Where(e => e.RequestMessage.Path == MessagesPath && e.RequestMessage.Method == "POST").ToList();

    public IReadOnlyList<ILogEntry> Lists =>
        Server.LogEntries.Where(e => e.RequestMessage.Path == MessagesPath && e.RequestMessage.Method == "GET").ToList();

    /// <summary>Every create answers 201 with the message resource, sid <paramref name="sid"/>.</summary>
    public void AcceptMessages(string sid = "SM00000000000000000000000000000001") =>
        Server.Given(Request.Create().WithPath(MessagesPath).UsingPost()).RespondWith(Response.Create()
            .WithStatusCode(201)
            .WithHeader("Content-Type", "application/json")
            .WithBody(new JsonObject { ["sid"] = sid, ["status"] = "queued", ["num_segments"] = "1" }.ToJsonString()));

    /// <summary>Every create answers <paramref name="status"/> with Twilio's error body.</summary>
    public void RefuseMessages(int status, int? code, IDictionary<string, string>? headers = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
            .WithBody(code is null ? "<html>oops</html>" : new JsonObject { ["code"] = code, ["message"] = "refused", ["more_info"] = "https://www.twilio.com/docs/errors/" + code, ["status"] = status }.ToJsonString());
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath(MessagesPath).UsingPost()).RespondWith(response);
    }

    /// <summary>The message list (GET) answers with these messages.</summary>
    public void ListMessages(params JsonObject[] messages) =>
        Server.Given(Request.Create().WithPath(MessagesPath).UsingGet()).RespondWith(Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithBody(new JsonObject { ["messages"] = new JsonArray([.. messages]) }.ToJsonString()));

    /// <summary>The form fields of a recorded create, in order, repeated keys kept.</summary>
    public static List<KeyValuePair<string, string>> Form(ILogEntry entry)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var pair in (entry.RequestMessage.Body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            fields.Add(new(Decode(pair[..equals]), Decode(pair[(equals + 1)..])));
        }

        return fields;
    }

    public void Dispose() => Server.Dispose();

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
