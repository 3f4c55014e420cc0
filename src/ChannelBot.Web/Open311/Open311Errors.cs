namespace ChannelBot.Web.Open311;

/// <summary>
/// Open311 errors: a list of <c>{code, description}</c> with the spec's HTTP status — 404 for an unknown jurisdiction,
/// service, request or token; 403 for a missing or wrong api_key; 400 for a missing or bad argument.
/// </summary>
internal static class Open311Errors
{
    public static IResult NotFound(Open311Format format, string description) => Error(format, StatusCodes.Status404NotFound, description);

    public static IResult Forbidden(Open311Format format, string description) => Error(format, StatusCodes.Status403Forbidden, description);

    public static IResult BadRequest(Open311Format format, string description) => Error(format, StatusCodes.Status400BadRequest, description);

    public static IResult Error(Open311Format format, int status, string description) =>
        Open311Writer.Result(
            Open311Document.List("errors", "error", [new Open311Item().Add("code", status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Add("description", description)]),
            format,
            status);
}
