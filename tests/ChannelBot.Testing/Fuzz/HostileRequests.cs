using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChannelBot.Channels.Meta;
using ChannelBot.Channels.Twilio;

namespace ChannelBot.Testing.Fuzz;

/// <summary>
/// A bounded, seeded generator of malformed and hostile requests for every ingress a resident or an integration can
/// reach: Twilio's message and status webhooks (signed, so the parsers behind the signature check are reached), Meta's
/// webhook (signed), the Connector's <c>/api/messages</c>, Direct Line posts and uploads, and the staff API (with a key).
/// The sandbox is left out: it is never mapped outside Development.
/// </summary>
public sealed class HostileRequests(FuzzTargets targets, int seed)
{
    private static readonly string[] StaffPaths =
    [
        "/api/cases/{0}/status", "/api/cases/{0}/assignee", "/api/cases/{0}/category", "/api/cases/{0}/duplicate", "/api/staff/session",
    ];

    private readonly Random _random = new(seed);
    private int _sequence;

    /// <summary>The Direct Line conversation and token hostile web chat posts go to (set once the run has one).</summary>
    public (string ConversationId, string Token)? WebChat { get; set; }

    /// <summary>A ticket that exists, for the staff API's case paths.</summary>
    public string Ticket { get; set; } = "311-2026-000001";

    public HostileRequest Next()
    {
        _sequence++;
        return _random.Next(9) switch
        {
            0 or 1 => TwilioMessage(),
            2 => TwilioStatus(),
            3 or 4 => MetaWebhook(),
            5 => Connector(),
            6 => WebChatActivity(),
            7 => WebChatUpload(),
            _ => StaffApi(),
        };
    }

    private HostileRequest TwilioMessage()
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", "SM" + _sequence.ToString("x32", CultureInfo.InvariantCulture)),
            new("AccountSid", targets.TwilioAccountSid),
            new("From", "+1555" + _random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture)),
            new("To", "+15555550111"),
            new("Body", "there is a pothole"),
            new("NumMedia", "0"),
        };
        MutateForm(fields);
        return Signed("twilio message", "/api/twilio/messages", fields);
    }

    private HostileRequest TwilioStatus()
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", "SM" + _random.Next().ToString("x32", CultureInfo.InvariantCulture)),
            new("MessageStatus", "delivered"),
            new("AccountSid", targets.TwilioAccountSid),
        };
        MutateForm(fields);
        return Signed("twilio status", "/api/twilio/status?outbox=" + Pick("1", "-1", "abc", "99999999999999999999", "%00"), fields);
    }

    private void MutateForm(List<KeyValuePair<string, string>> fields)
    {
        switch (_random.Next(9))
        {
            case 0:
                fields.RemoveAt(_random.Next(fields.Count));
                break;
            case 1:
                var at = _random.Next(fields.Count);
                fields[at] = new(fields[at].Key, HostileJson.Weird(_random));
                break;
            case 2:
                fields.Add(new("NumMedia", "1000"));
                fields.AddRange(Enumerable.Range(0, 1_000).Select(i => new KeyValuePair<string, string>("MediaUrl" + i.ToString(CultureInfo.InvariantCulture), "http://169.254.169.254/" + i.ToString(CultureInfo.InvariantCulture))));
                break;
            case 3:
                fields.Add(new(fields[0].Key, "second value of the same key"));
                break;
            case 4:
                fields.Add(new("Latitude", Pick("NaN", "1e400", "-91", "abc")));
                fields.Add(new("Longitude", Pick("Infinity", "181", "0x10", string.Empty)));
                break;
            case 5:
                fields.Add(new("NumMedia", Pick("-1", "abc", "2147483648")));
                fields.Add(new("MediaUrl0", Pick("file:///etc/passwd", "gopher://x", "http://[::1]/", "not a url")));
                fields.Add(new("MediaContentType0", Pick("image/svg+xml", "text/html", string.Empty)));
                break;
            case 6:
                fields.Add(new("Body", new string('z', 100 * 1024)));
                break;
            case 7:
                fields.Add(new(HostileJson.Weird(_random), "value"));
                break;
            default:
                break;
        }
    }

    private HostileRequest Signed(string kind, string path, List<KeyValuePair<string, string>> fields) => new(kind, () =>
    {
        var url = targets.TwilioPublicBaseUrl + path;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.TryAddWithoutValidation("X-Twilio-Signature", _random.Next(10) == 0 ? "forged" : TwilioSignature.Compute(targets.TwilioAuthToken, url, fields));
        return request;
    });

    private HostileRequest MetaWebhook()
    {
        var valid = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "104700000000001",
                ["time"] = 1_781_712_000_000L,
                ["messaging"] = new JsonArray(new JsonObject
                {
                    ["sender"] = new JsonObject { ["id"] = "65123" + _random.Next(1_000_000).ToString(CultureInfo.InvariantCulture) },
                    ["recipient"] = new JsonObject { ["id"] = "104700000000001" },
                    ["timestamp"] = 1_781_712_000_000L,
                    ["message"] = new JsonObject
                    {
                        ["mid"] = "m_fuzz_" + _sequence.ToString(CultureInfo.InvariantCulture),
                        ["text"] = "pothole on main",
                        ["attachments"] = new JsonArray(new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = "https://scontent.xx.fbcdn.net/x.jpg" } }),
                    },
                }),
            }),
        };
        var body = HostileJson.Mutate(valid, _random);
        var signature = _random.Next(10) == 0 ? "sha256=00" : MetaSignature.Compute(targets.MetaAppSecret, body);
        return new("meta webhook", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, MetaRoutes.WebhookPath) { Content = Json(body) };
            request.Headers.TryAddWithoutValidation(MetaSignature.HeaderName, signature);
            return request;
        });
    }

    private HostileRequest Connector()
    {
        var valid = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "fuzz-" + _sequence.ToString(CultureInfo.InvariantCulture),
            ["channelId"] = "emulator",
            ["serviceUrl"] = targets.ServiceUrl,
            ["conversation"] = new JsonObject { ["id"] = "fuzz-" + _random.Next(50).ToString(CultureInfo.InvariantCulture) },
            ["from"] = new JsonObject { ["id"] = "fuzzer", ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot", ["role"] = "bot" },
            ["text"] = "hi",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "Place", ["geo"] = new JsonObject { ["latitude"] = 42.1, ["longitude"] = -72.5 } }),
        };
        var body = HostileJson.Mutate(valid, _random);
        return new("connector activity", () => new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(body) });
    }

    private HostileRequest WebChatActivity()
    {
        var valid = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "dl_fuzz" },
            ["text"] = "hello",
            ["channelData"] = new JsonObject { ["clientActivityID"] = "fz" + _sequence.ToString(CultureInfo.InvariantCulture) },
        };
        var body = HostileJson.Mutate(valid, _random);
        var (conversation, token) = WebChat ?? ("none", "none");
        var weird = HostileJson.Weird(_random);
        var path = _random.Next(8) == 0 ? $"/v3/directline/conversations/{Uri.EscapeDataString(weird[..Math.Min(100, weird.Length)])}/activities" : $"/v3/directline/conversations/{conversation}/activities";
        return new("web chat activity", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _random.Next(10) == 0 ? "forged.token.here" : token);
            return request;
        });
    }

    private HostileRequest WebChatUpload()
    {
        var (conversation, token) = WebChat ?? ("none", "none");
        var files = _random.Next(4) == 0 ? _random.Next(20, 1_000) : _random.Next(0, 3);
        var activity = HostileJson.Mutate(new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = "dl_fuzz" } }, _random);
        var declared = Pick("image/png", "image/svg+xml", "text/html", "application/octet-stream", "image/jpeg; charset=\"x", string.Empty);
        var content = _random.Next(3) switch
        {
            0 => "<svg><script>alert(1)</script></svg>"u8.ToArray(),
            1 => new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, (byte)'<', (byte)'h' },
            _ => Encoding.UTF8.GetBytes(HostileJson.Weird(_random)),
        };
        return new("web chat upload", () =>
        {
            var multipart = new MultipartFormDataContent();
            var part = new ByteArrayContent(activity);
            part.Headers.TryAddWithoutValidation("Content-Type", "application/vnd.microsoft.activity");
            multipart.Add(part, "activity", "blob");
            for (var i = 0; i < files; i++)
            {
                var file = new ByteArrayContent(content);
                file.Headers.TryAddWithoutValidation("Content-Type", declared);
                multipart.Add(file, "file", i % 7 == 0 ? "../../evil.png" : "photo.png");
            }

            var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/upload?userId=dl_fuzz") { Content = multipart };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        });
    }

    private HostileRequest StaffApi()
    {
        var valid = new JsonObject
        {
            ["status"] = "in_progress",
            ["reason"] = null,
            ["publicNote"] = "A crew is on the way.",
            ["assignee"] = "Crew 12",
            ["serviceCode"] = "STLIGHT",
            ["original"] = Ticket,
            ["login"] = "someone@city.example",
            ["password"] = "not the password",
            ["version"] = 1,
            ["urgent"] = false,
        };
        var body = HostileJson.Mutate(valid, _random);
        var path = string.Format(CultureInfo.InvariantCulture, StaffPaths[_random.Next(StaffPaths.Length)], _random.Next(6) == 0 ? Uri.EscapeDataString(Pick("311-9999-999999", "../x", "%00", new string('9', 500))) : Ticket);
        var get = _random.Next(4) == 0;
        var text = HostileJson.Weird(_random);
        var query = $"/api/cases?status={Uri.EscapeDataString(Pick("received", "nope", string.Empty, ",,,"))}&page={Pick("1", "0", "-5", "2147483647", "abc")}&pageSize={Pick("50", "0", "100000", "-1")}&from={Uri.EscapeDataString(Pick("2026-01-01", "yesterday", "9999-12-31T23:59:59+14:00"))}&q={Uri.EscapeDataString(text[..Math.Min(500, text.Length)])}";
        return new("staff api", () =>
        {
            var request = get ? new HttpRequestMessage(HttpMethod.Get, query) : new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
            request.Headers.TryAddWithoutValidation("Authorization", "ApiKey " + targets.StaffApiKey);
            return request;
        });
    }

    private string Pick(params string[] choices) => choices[_random.Next(choices.Length)];

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
