using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChannelBot.Channels.Twilio;

/// <summary>The answers the Twilio webhooks give.</summary>
public static class TwilioResponses
{
    /// <summary>The documented "no reply" TwiML: the bot answers later through the REST API.</summary>
    public const string EmptyTwiml = """<?xml version="1.0" encoding="UTF-8"?><Response/>""";

    /// <summary>How long Twilio (or its Fallback URL's operator) should wait after a 503, in seconds.</summary>
    public const int RetryAfterSeconds = 30;

    public static IResult Acknowledge() => Results.Text(EmptyTwiml, "text/xml", Encoding.UTF8, StatusCodes.Status200OK);

    /// <summary>An RFC 7807 problem (Twilio shows the body in its debugger; no secret or signature detail is in it).</summary>
    public static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    public static IResult Unavailable(HttpContext context, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status503ServiceUnavailable, detail);
    }
}
