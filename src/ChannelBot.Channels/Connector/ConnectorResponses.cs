using ChannelBot.Schema;
using Microsoft.AspNetCore.Http;

namespace ChannelBot.Channels.Connector;

/// <summary>The answers <c>/api/messages</c> gives, in the Bot Framework's own shapes.</summary>
internal static class ConnectorResponses
{
    /// <summary>How long a caller should wait after a 503 before trying again, in seconds.</summary>
    public const int RetryAfterSeconds = 30;

    public static IResult Ok() => Results.Ok();

    /// <summary>The body an <c>expectReplies</c> caller parses: replies go out through serviceUrl instead.</summary>
    public static IResult NoReplies() => Results.Text("""{"activities":[]}""", "application/json", statusCode: StatusCodes.Status200OK);

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorResponse(code, message), SchemaJsonContext.Default.ErrorResponse, statusCode: status);
}
