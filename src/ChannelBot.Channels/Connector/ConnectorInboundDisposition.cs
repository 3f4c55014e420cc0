namespace ChannelBot.Channels.Connector;

/// <summary>What <c>/api/messages</c> does with an authenticated activity, by type.</summary>
internal enum ConnectorInboundDisposition
{
    /// <summary>Checked for the fields a turn needs and handed to the inbound sink (then 200).</summary>
    Store,

    /// <summary>Acknowledged with 200 and dropped: nothing in this bot reacts to it.</summary>
    Ignore,

    /// <summary>An <c>invoke</c>: its answer is the HTTP response, and this bot implements none (501).</summary>
    NotImplemented,
}
