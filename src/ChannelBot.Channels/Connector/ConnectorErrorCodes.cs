namespace ChannelBot.Channels.Connector;

/// <summary>The <c>error.code</c> values <c>/api/messages</c> answers with (Bot Framework <c>ErrorResponse</c>).</summary>
internal static class ConnectorErrorCodes
{
    public const string BadArgument = "BadArgument";
    public const string MessageSizeTooBig = "MessageSizeTooBig";
    public const string UnsupportedMediaType = "UnsupportedMediaType";
    public const string Unauthorized = "Unauthorized";
    public const string MethodNotAllowed = "MethodNotAllowed";
    public const string NotImplemented = "NotImplemented";
    public const string ServiceUnavailable = "ServiceUnavailable";
}
