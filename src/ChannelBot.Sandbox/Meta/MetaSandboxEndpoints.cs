using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChannelBot.Channels.Common;
using ChannelBot.Channels.Meta;

namespace ChannelBot.Sandbox.Meta;

/// <summary>
/// The sandbox's fake Graph API, served by the app itself in Development only (<see cref="MetaSandbox"/>):
/// <list type="bullet">
/// <item><c>POST /sandbox/meta/{version}/me/messages</c>: the Send API. The Page token as <c>Authorization: Bearer</c>
/// or <c>?access_token=</c> (missing: Graph's 400 code 2500; wrong: 400 code 190); the body checked like Graph
/// (<see cref="MetaSandboxSendParser"/>: 400 code 100); answers <c>{"recipient_id","message_id"}</c> (no message id
/// for a sender action).</item>
/// <item><c>GET /sandbox/meta/messages?psid=…</c>: what that resident received, oldest first, for the sandbox page.</item>
/// </list>
/// Every error is Graph's envelope, <c>{"error":{"message","type","code","error_subcode","fbtrace_id"}}</c>.
/// </summary>
public static partial class MetaSandboxEndpoints
{
    public const string MessagesPattern = MetaSandbox.BasePath + "/{version}/me/messages";

    private const int MaxBodyBytes = 65_536;

    /// <summary>Maps the sandbox routes; the caller maps them in Development only.</summary>
    public static void MapMetaSandbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(MessagesPattern, SendAsync).WithDisplayName("Meta sandbox (Development): Send API").ExcludeFromDescription();
        endpoints.MapGet(MetaSandbox.ReceivedPath, Received).WithDisplayName("Meta sandbox (Development): what a resident received").ExcludeFromDescription();
    }

    private static async Task<IResult> SendAsync(HttpContext context, string version)
    {
        var services = context.RequestServices;
        if (!VersionPattern().IsMatch(version))
        {
            return Error(400, 2500, $"Unknown path components: /{version}/me/messages", "OAuthException");
        }

        if (Refused(context) is { } refused)
        {
            return refused;
        }

        var body = await BoundedBodyReader.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return Error(413, MetaErrorCodes.InvalidParameter, "(#100) The request is too large.", "OAuthException");
        }

        if (!MetaSandboxSendParser.TryParse(body.Bytes.Span, out var send, out var invalid))
        {
            return Graph(400, invalid!);
        }

        if (send!.SenderAction is not null)
        {
            return Json(200, new JsonObject { ["recipient_id"] = send.Psid });
        }

        var message = new MetaSandboxMessage(
            "m_" + Guid.NewGuid().ToString("N"),
            send.Psid,
            send.Text,
            send.ImageUrl,
            send.QuickReplies,
            send.MessagingType!,
            services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (!services.GetRequiredService<MetaSandboxStore>().Add(message))
        {
            return Error(400, MetaErrorCodes.CallRateLimit, "(#613) The sandbox holds messages for too many residents; restart the app to empty it.", "OAuthException");
        }

        return Json(200, new JsonObject { ["recipient_id"] = message.Psid, ["message_id"] = message.Mid });
    }

    private static IResult Received(HttpContext context)
    {
        var psid = context.Request.Query["psid"].ToString();
        if (string.IsNullOrWhiteSpace(psid))
        {
            return MetaResponses.Problem(400, "Name the resident: ?psid=6512300000000042.");
        }

        var messages = new JsonArray();
        foreach (var message in context.RequestServices.GetRequiredService<MetaSandboxStore>().ReceivedBy(psid))
        {
            messages.Add(new JsonObject
            {
                ["mid"] = message.Mid,
                ["text"] = message.Text,
                ["imageUrl"] = message.ImageUrl,
                ["quickReplies"] = new JsonArray([.. message.QuickReplies.Select(q => (JsonNode)new JsonObject { ["title"] = q.Title, ["payload"] = q.Payload })]),
                ["messagingType"] = message.MessagingType,
                ["createdAt"] = message.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            });
        }

        return Json(200, new JsonObject { ["psid"] = psid, ["messages"] = messages });
    }

    /// <summary>Graph's answer to a missing (2500) or wrong (190) Page token; null when allowed.</summary>
    private static IResult? Refused(HttpContext context)
    {
        string? token = context.Request.Query["access_token"];
        if (string.IsNullOrEmpty(token) && AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            token = header.Parameter;
        }

        if (string.IsNullOrEmpty(token))
        {
            return Error(400, 2500, "An active access token must be used to query information about the current user.", "OAuthException");
        }

        return string.Equals(token, MetaSandbox.PageAccessToken, StringComparison.Ordinal)
            ? null
            : Error(400, MetaErrorCodes.AccessToken, "Invalid OAuth access token - Cannot parse access token", "OAuthException");
    }

    private static IResult Error(int status, int code, string message, string type) =>
        Graph(status, new MetaGraphError { Message = message, Type = type, Code = code });

    private static IResult Graph(int status, MetaGraphError error)
    {
        error.FbtraceId ??= "Sandbox" + Guid.NewGuid().ToString("N")[..12];
        var fields = new JsonObject();
        Add(fields, "message", error.Message);
        Add(fields, "type", error.Type);
        Add(fields, "code", error.Code);
        Add(fields, "error_subcode", error.ErrorSubcode);
        Add(fields, "fbtrace_id", error.FbtraceId);
        return Json(status, new JsonObject { ["error"] = fields });
    }

    /// <summary>Graph leaves out what it has no value for.</summary>
    private static void Add(JsonObject fields, string name, JsonNode? value)
    {
        if (value is not null)
        {
            fields[name] = value;
        }
    }

    private static IResult Json(int status, JsonObject body) =>
        Results.Text(body.ToJsonString(), "application/json; charset=utf-8", statusCode: status);

    [GeneratedRegex("^v[0-9]{1,3}\\.[0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
