using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace ChannelBot.Web.Tests.Support;

/// <summary>What the fake Twilio API does with one create request.</summary>
public enum TwilioFault
{
    /// <summary>Creates the message: 201.</summary>
    None,

    /// <summary>Refuses before doing anything: 429, code 20429.</summary>
    RateLimited,

    /// <summary>Fails before doing anything: 500.</summary>
    ServerErrorBeforeCreate,

    /// <summary>Creates the message, then does not answer for 10 s (or until the fake is disposed): the sender dies waiting.</summary>
    AcceptedThenSilent,

    /// <summary>Creates the message, then the answer is lost in a 500: only a look-up can tell it was sent.</summary>
    ServerErrorAfterCreate,
}

/// <summary>
/// Plays Twilio's Messages API with state: a create stores the message (what a phone would receive), the list
/// answers from what is stored, and a fault plan decides, call by call, whether Twilio misbehaves. SMS and
/// WhatsApp alike: a WhatsApp template send (<c>ContentSid</c> + <c>ContentVariables</c>) is stored with a stand-in
/// body naming the template and its values, and <see cref="FormsSentTo"/> gives the exact fields of each send.
/// </summary>
public sealed class FakeTwilio : IDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000042";
    public const string AuthToken = "web-tests-twilio-auth-token";
    public const string PublicBaseUrl = "https://311.example.gov";
    public const string CityNumber = "+15555550100";
    public const string WhatsAppNumber = "whatsapp:" + CityNumber;

    private readonly Lock _gate = new();
    private readonly List<JsonObject> _messages = [];
    private readonly List<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>> _forms = [];
    private readonly ManualResetEventSlim _disposed = new();
    private readonly int[] _served = new int[Enum.GetValues<TwilioFault>().Length];
    private int _calls;

    public FakeTwilio(Func<int, TwilioFault>? faults = null)
    {
        Faults = faults ?? (_ => TwilioFault.None);
        Server = WireMockServer.Start();
        var path = $"/2010-04-01/Accounts/{AccountSid}/Messages.json";
        Server.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(Response.Create().WithCallback(Create));
        Server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(Response.Create().WithCallback(List));
    }

    public WireMockServer Server { get; }

    public Func<int, TwilioFault> Faults { get; set; }

    /// <summary>The settings that point the app's Twilio channel at this fake.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Twilio:AccountSid"] = AccountSid,
        ["Twilio:AuthToken"] = AuthToken,
        ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
        ["Twilio:From"] = CityNumber,
        ["Twilio:WhatsAppFrom"] = WhatsAppNumber,
        ["Twilio:ApiBaseUrl"] = Server.Url,
    };

    /// <summary>Create requests answered so far (whatever their fault).</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>How many create calls got <paramref name="fault"/>.</summary>
    public int Served(TwilioFault fault) => Volatile.Read(ref _served[(int)fault]);

    /// <summary>The texts a phone received, in order.</summary>
    public IReadOnlyList<string> ReceivedBy(string phone)
    {
        lock (_gate)
        {
            return [.. _messages.Where(m => (string?)m["to"] == phone).Select(m => (string)m["body"]!)];
        }
    }

    /// <summary>
    /// The form fields of every message created for <paramref name="address"/> (a phone or a <c>whatsapp:</c> id),
    /// in order, exactly as posted (repeated keys kept).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> FormsSentTo(string address)
    {
        lock (_gate)
        {
            return [.. _forms.Where(f => f.Key == address).Select(f => f.Value)];
        }
    }

    /// <summary>Stores a message as if Twilio had accepted it earlier (before a crash, say).</summary>
    public void Accepted(string to, string body)
    {
        lock (_gate)
        {
            _messages.Add(NewMessage(to, CityNumber, body));
        }
    }

    public void Dispose()
    {
        _disposed.Set();
        Server.Dispose();
        _disposed.Dispose();
    }

    private ResponseMessage Create(IRequestMessage request)
    {
        var call = Interlocked.Increment(ref _calls);
        var fault = Faults(call);
        Interlocked.Increment(ref _served[(int)fault]);
        if (fault == TwilioFault.RateLimited)
        {
            return Json(429, new JsonObject { ["code"] = 20429, ["message"] = "Too Many Requests", ["status"] = 429 });
        }

        if (fault == TwilioFault.ServerErrorBeforeCreate)
        {
            return Json(500, new JsonObject { ["code"] = 20500, ["message"] = "Internal Server Error", ["status"] = 500 });
        }

        var fields = ParseAll(request.Body ?? string.Empty);
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            form.TryAdd(key, value);
        }

        var message = NewMessage(form.GetValueOrDefault("To"), form.GetValueOrDefault("From") ?? form.GetValueOrDefault("MessagingServiceSid"), form.GetValueOrDefault("Body") ?? Rendered(form));
        lock (_gate)
        {
            _messages.Add(message);
            _forms.Add(new(form.GetValueOrDefault("To") ?? string.Empty, fields));
        }

        if (fault == TwilioFault.AcceptedThenSilent)
        {
            _disposed.Wait(TimeSpan.FromSeconds(10));
        }

        return fault == TwilioFault.ServerErrorAfterCreate
            ? Json(500, new JsonObject { ["code"] = 20500, ["message"] = "Internal Server Error", ["status"] = 500 })
            : Json(201, (JsonObject)message.DeepClone());
    }

    private ResponseMessage List(IRequestMessage request)
    {
        var to = request.Query?.TryGetValue("To", out var values) == true ? values.FirstOrDefault() : null;
        JsonArray page;
        lock (_gate)
        {
            page = [.. _messages.Where(m => to is null || (string?)m["to"] == to).Reverse().Select(m => m.DeepClone())];
        }

        return Json(200, new JsonObject { ["messages"] = page });
    }

    private static JsonObject NewMessage(string? to, string? from, string body) => new()
    {
        ["sid"] = "SM" + Guid.NewGuid().ToString("N"),
        ["to"] = to,
        ["from"] = from,
        ["body"] = body,
        ["status"] = "queued",
        ["direction"] = "outbound-api",
        ["num_segments"] = "1",
        ["date_created"] = DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture),
    };

    private static ResponseMessage Json(int status, JsonObject body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };

    /// <summary>
    /// What Twilio would list as the body of a template message: the real one renders the approved text; the fake
    /// writes the template and its values in order (so the values can be found in it, as in a rendered text).
    /// </summary>
    private static string Rendered(Dictionary<string, string> form)
    {
        if (!form.TryGetValue("ContentSid", out var contentSid))
        {
            return string.Empty;
        }

        var values = form.TryGetValue("ContentVariables", out var json) && JsonNode.Parse(json) is JsonObject variables
            ? variables.OrderBy(v => int.Parse(v.Key, CultureInfo.InvariantCulture)).Select(v => v.Value?.ToString() ?? string.Empty)
            : [];
        return $"[template {contentSid}] " + string.Join(" | ", values);
    }

    private static List<KeyValuePair<string, string>> ParseAll(string body)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(pair[..equals].Replace('+', ' '));
            fields.Add(new(key, Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '))));
        }

        return fields;
    }
}
