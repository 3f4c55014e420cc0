namespace ChannelBot.Channels.Connector;

/// <summary>The paths of the Connector protocol: ours (<c>/api/messages</c>) and the channel's (under <c>serviceUrl</c>).</summary>
internal static class ConnectorRoutes
{
    public const string MessagesPath = "/api/messages";

    /// <summary>
    /// <c>{serviceUrl}v3/conversations/{conversationId}/activities[/{replyToId}]</c>, ids escaped as path
    /// segments. A serviceUrl with a path keeps it (Teams: <c>https://smba.trafficmanager.net/amer/</c>),
    /// with or without its trailing slash. Null when serviceUrl is not an absolute http(s) URL.
    /// </summary>
    public static Uri? ActivitiesUri(string? serviceUrl, string conversationId, string? replyToId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        if (!TryParseServiceUrl(serviceUrl, out var baseUri))
        {
            return null;
        }

        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(replyToId))
        {
            path += "/" + Uri.EscapeDataString(replyToId);
        }

        var root = baseUri.GetLeftPart(UriPartial.Path);
        return new Uri(root.EndsWith('/') ? root + path : root + "/" + path, UriKind.Absolute);
    }

    /// <summary>True for an absolute http or https URL with a host: the only serviceUrl we accept or send to.</summary>
    public static bool TryParseServiceUrl(string? serviceUrl, out Uri uri)
    {
        if (Uri.TryCreate(serviceUrl, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(parsed.Host))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }
}
