namespace ChannelBot.Channels.Connector;

/// <summary>A cached outbound token and the moment it should be replaced (well before it expires).</summary>
internal sealed record ConnectorAccessToken(string Value, DateTimeOffset RefreshAt)
{
    /// <summary>Refresh five minutes before expiry, or at half-life for tokens shorter than ten minutes.</summary>
    public static ConnectorAccessToken Issued(string value, DateTimeOffset now, TimeSpan lifetime)
    {
        var margin = lifetime > TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(5) : lifetime / 2;
        return new ConnectorAccessToken(value, now + lifetime - margin);
    }

    public bool IsFresh(DateTimeOffset now) => now < RefreshAt;
}
