using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ChannelBot.Channels.Twilio;
using ChannelBot.Sandbox.Twilio;

namespace ChannelBot.Sandbox.Phones;

/// <summary>
/// Serves the photos the sandbox phones attached, the way each provider serves inbound media, so the app fetches them
/// through its real media clients: on the fake Twilio's media path with Basic auth (the sandbox account and the
/// development token: 401 otherwise), and on the sandbox's Messenger CDN path signed in the URL (403 otherwise).
/// </summary>
public static class SandboxMediaEndpoints
{
    public static void MapSandboxMedia(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(SandboxTwilioWebhook.MediaPath("{messageSid}", "{mediaId}"), TwilioMedia)
            .WithDisplayName("Twilio sandbox (Development): a phone's photo").ExcludeFromDescription();
        endpoints.MapGet(SandboxMessengerWebhook.CdnPath + "/{mediaId}", MessengerMedia)
            .WithDisplayName("Meta sandbox (Development): a resident's photo").ExcludeFromDescription();
    }

    private static IResult TwilioMedia(HttpContext context, string mediaId, TwilioSandbox sandbox, SandboxMediaStore media)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(TwilioSandbox.AccountSid + ":" + sandbox.AuthToken));
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var given)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), Encoding.UTF8.GetBytes(expected)))
        {
            return Results.Json(new { code = 20003, message = "Authenticate", status = 401 }, statusCode: StatusCodes.Status401Unauthorized);
        }

        return File(media, mediaId);
    }

    private static IResult MessengerMedia(HttpContext context, string mediaId, SandboxMessengerWebhook messenger, SandboxMediaStore media)
    {
        var expected = messenger.CdnSignature(mediaId);
        var given = context.Request.Query["oh"].ToString();
        if (expected is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return Results.Text("URL signature mismatch", "text/plain", statusCode: StatusCodes.Status403Forbidden);
        }

        return File(media, mediaId);
    }

    private static IResult File(SandboxMediaStore media, string mediaId) =>
        media.Find(mediaId) is { } file ? Results.File(file.Bytes, file.ContentType) : Results.NotFound();
}
