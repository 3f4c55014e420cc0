namespace ChannelBot.Channels.Connector;

/// <summary>No outbound token could be obtained. The message names the endpoint's status and error code, never a secret.</summary>
internal sealed class ConnectorTokenException : Exception
{
    public ConnectorTokenException()
    {
    }

    public ConnectorTokenException(string message)
        : base(message)
    {
    }

    public ConnectorTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
