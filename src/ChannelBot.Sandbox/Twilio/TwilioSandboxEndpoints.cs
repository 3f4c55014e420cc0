using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChannelBot.Channels.Common;
using ChannelBot.Channels.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Sandbox.Twilio;

/// <summary>
/// The sandbox's fake Twilio, served by the app itself in Development only (<see cref="TwilioSandbox"/>):
/// <list type="bullet">
/// <item><c>POST /sandbox/twilio/2010-04-01/Accounts/{sid}/Messages.json</c>: Twilio's create, form-encoded, Basic
/// auth with the sandbox account and the development token; answers 201 with the message resource, or Twilio's
/// error body (401 20003, 400 21604 without <c>To</c>, 400 21602 without a body, media or template, 400 21656 for
/// <c>ContentVariables</c> that are not a JSON object).</item>
/// <item><c>GET</c> of the same path, <c>?To=…&amp;PageSize=…</c>: the list the sender reconciles with, newest first.</item>
/// <item><c>GET /sandbox/twilio/messages?to=+1555…</c>: what that phone (or <c>whatsapp:</c> address) received,
/// oldest first, for the sandbox page.</item>
/// </list>
/// </summary>
public static class TwilioSandboxEndpoints
{
    public const string MessagesPattern = TwilioSandbox.BasePath + "/2010-04-01/Accounts/{accountSid}/Messages.json";

    private const int MaxBodyBytes = 65_536;

    /// <summary>Maps the sandbox routes; the caller maps them in Development only.</summary>
    public static void MapTwilioSandbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(MessagesPattern, CreateAsync).WithDisplayName("Twilio sandbox (Development): create a message").ExcludeFromDescription();
        endpoints.MapGet(MessagesPattern, List).WithDisplayName("Twilio sandbox (Development): list messages").ExcludeFromDescription();
        endpoints.MapGet(TwilioSandbox.ReceivedPath, Received).WithDisplayName("Twilio sandbox (Development): what a phone received").ExcludeFromDescription();
    }

    private static async Task<IResult> CreateAsync(HttpContext context, string accountSid)
    {
        var services = context.RequestServices;
        var sandbox = services.GetRequiredService<TwilioSandbox>();
        if (Refused(context, sandbox, accountSid) is { } refused)
        {
            return refused;
        }

        var body = await BoundedBodyReader.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return Error(413, 21617, "The request is too large.");
        }

        if (!TwilioForm.TryParseUrlEncoded(body.Bytes.Span, out var form, out var parseError))
        {
            return Error(400, 21602, parseError!);
        }

        var to = form["To"];
        var from = form["From"] ?? form["MessagingServiceSid"];
        var text = form["Body"];
        var media = form.Parameters.Where(p => p.Key == "MediaUrl").Select(p => p.Value).ToList();
        var contentSid = form["ContentSid"];
        var contentVariables = form["ContentVariables"];
        if (string.IsNullOrWhiteSpace(to))
        {
            return Error(400, 21604, "A 'To' phone number is required.");
        }

        if (string.IsNullOrWhiteSpace(from))
        {
            return Error(400, 21603, "A 'From' phone number is required.");
        }

        if (string.IsNullOrEmpty(text) && media.Count == 0 && string.IsNullOrWhiteSpace(contentSid))
        {
            return Error(400, 21602, "Message body is required.");
        }

        string? rendered = null;
        if (!string.IsNullOrWhiteSpace(contentSid))
        {
            if (!TryRender(contentSid, contentVariables, out rendered))
            {
                return Error(400, 21656, "The ContentVariables Parameter is invalid.");
            }
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var message = new TwilioSandboxMessage(
            "SM" + Guid.NewGuid().ToString("N"),
            to,
            from,
            rendered ?? text ?? string.Empty,
            media,
            string.IsNullOrWhiteSpace(contentSid) ? null : contentSid,
            contentVariables,
            form["StatusCallback"],
            now);
        if (!services.GetRequiredService<TwilioSandboxStore>().Add(message))
        {
            return Error(429, 20429, "The sandbox holds messages for too many phones; restart the app to empty it.");
        }

        return Json(201, Resource(message));
    }

    private static IResult List(HttpContext context, string accountSid)
    {
        var services = context.RequestServices;
        if (Refused(context, services.GetRequiredService<TwilioSandbox>(), accountSid) is { } refused)
        {
            return refused;
        }

        var to = context.Request.Query["To"].ToString();
        var size = int.TryParse(context.Request.Query["PageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out var pageSize) ? Math.Clamp(pageSize, 1, 1000) : 50;
        var page = new JsonArray();
        foreach (var message in services.GetRequiredService<TwilioSandboxStore>().ReceivedBy(to).Reverse().Take(size))
        {
            page.Add(Resource(message));
        }

        return Json(200, new JsonObject { ["messages"] = page, ["page_size"] = size });
    }

    private static IResult Received(HttpContext context)
    {
        var to = context.Request.Query["to"].ToString();
        if (string.IsNullOrWhiteSpace(to))
        {
            return TwilioResponses.Problem(400, "Name the phone: ?to=+15551230000 (or ?to=whatsapp:+15551230000).");
        }

        var messages = new JsonArray();
        foreach (var message in context.RequestServices.GetRequiredService<TwilioSandboxStore>().ReceivedBy(to))
        {
            messages.Add(new JsonObject
            {
                ["sid"] = message.Sid,
                ["from"] = message.From,
                ["to"] = message.To,
                ["body"] = message.Body,
                ["mediaUrls"] = new JsonArray([.. message.MediaUrls.Select(u => (JsonNode?)u)]),
                ["contentSid"] = message.ContentSid,
                ["contentVariables"] = message.ContentVariables,
                ["createdAt"] = message.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            });
        }

        return Json(200, new JsonObject { ["to"] = to, ["messages"] = messages });
    }

    /// <summary>Twilio's answer to a wrong account (404 20404) or wrong credentials (401 20003); null when allowed.</summary>
    private static IResult? Refused(HttpContext context, TwilioSandbox sandbox, string accountSid)
    {
        if (!string.Equals(accountSid, TwilioSandbox.AccountSid, StringComparison.Ordinal))
        {
            return Error(404, 20404, $"The requested resource was not found: the sandbox account is {TwilioSandbox.AccountSid}.");
        }

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(TwilioSandbox.AccountSid + ":" + sandbox.AuthToken));
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var given)
            || !string.Equals(given.ToString(), expected, StringComparison.Ordinal))
        {
            return Error(401, 20003, "Authenticate");
        }

        return null;
    }

    /// <summary>A stand-in for the rendered template: its sid and the values, in order.</summary>
    private static bool TryRender(string contentSid, string? contentVariables, out string? rendered)
    {
        rendered = null;
        var values = new List<string>();
        if (!string.IsNullOrEmpty(contentVariables))
        {
            try
            {
                if (JsonNode.Parse(contentVariables) is not JsonObject variables)
                {
                    return false;
                }

                foreach (var (_, value) in variables.OrderBy(v => int.TryParse(v.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue))
                {
                    values.Add(value?.ToString() ?? string.Empty);
                }
            }
            catch (JsonException)
            {
                return false;
            }
        }

        rendered = $"[template {contentSid}] " + string.Join(" | ", values);
        return true;
    }

    private static JsonObject Resource(TwilioSandboxMessage message) => new()
    {
        ["sid"] = message.Sid,
        ["account_sid"] = TwilioSandbox.AccountSid,
        ["to"] = message.To,
        ["from"] = message.From,
        ["body"] = message.Body,
        ["status"] = "queued",
        ["direction"] = "outbound-api",
        ["num_segments"] = SmsSegments.Measure(message.Body).Segments.ToString(CultureInfo.InvariantCulture),
        ["num_media"] = message.MediaUrls.Count.ToString(CultureInfo.InvariantCulture),
        ["date_created"] = message.CreatedAt.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture),
        ["api_version"] = "2010-04-01",
    };

    private static IResult Error(int status, int code, string message) =>
        Json(status, new JsonObject { ["code"] = code, ["message"] = message, ["more_info"] = "https://www.twilio.com/docs/errors/" + code.ToString(CultureInfo.InvariantCulture), ["status"] = status });

    private static IResult Json(int status, JsonObject body) => Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, status);
}
