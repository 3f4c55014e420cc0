using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ChannelBot.Channels.Meta;

/// <summary>The answers the Meta webhook gives.</summary>
public static class MetaResponses
{
    /// <summary>How long Meta should wait after a 503, in seconds (it redelivers on its own schedule anyway).</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>The acknowledgement Meta expects: 200, quickly. The body is not read.</summary>
    public static IResult Acknowledge() => Results.Text("EVENT_RECEIVED", "text/plain", statusCode: StatusCodes.Status200OK);

    /// <summary>An RFC 7807 problem (no secret or signature detail in it).</summary>
    public static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    public static IResult Unavailable(HttpContext context, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status503ServiceUnavailable, detail);
    }
}
