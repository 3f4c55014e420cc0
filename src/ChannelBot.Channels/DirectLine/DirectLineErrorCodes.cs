namespace ChannelBot.Channels.DirectLine;

/// <summary>The <c>error.code</c> values Direct Line answers with (the service's own codes where it has one).</summary>
internal static class DirectLineErrorCodes
{
    public const string BadArgument = "BadArgument";
    public const string MissingProperty = "MissingProperty";
    public const string Unauthorized = "Unauthorized";
    public const string TokenExpired = "TokenExpired";
    public const string Forbidden = "Forbidden";
    public const string NotFound = "NotFound";
    public const string MessageSizeTooBig = "MessageSizeTooBig";
    public const string UnsupportedMediaType = "UnsupportedMediaType";
    public const string TooManyRequests = "TooManyRequests";
    public const string ServiceError = "ServiceError";
    public const string ChannelDisabled = "ChannelDisabled";
}
