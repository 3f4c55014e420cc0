namespace ChannelBot.Channels.DirectLine;

/// <summary>The paths Direct Line is served under (keep them stable: pages and the widget call them).</summary>
internal static class DirectLineRoutes
{
    public const string Base = "/v3/directline";
    public const string Session = "/api/chat/session";
    public const string ConversationId = "conversationId";
    public const string FileId = "fileId";

    /// <summary>The base URL clients reach the app at: the configured public URL, or the request's own.</summary>
    public static string PublicBase(Microsoft.AspNetCore.Http.HttpRequest request, DirectLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var root = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}"
            : options.PublicBaseUrl.Trim();
        return root.TrimEnd('/');
    }

    /// <summary><c>…/v3/directline</c>: what a page passes as <c>domain</c>.</summary>
    public static string Domain(string publicBase) => publicBase + Base;

    /// <summary>The absolute <c>ws(s)://</c> URL of the conversation's stream, pre-authorized by a stream token.</summary>
    public static string StreamUrl(string publicBase, string conversationId, string streamToken, long? watermark)
    {
        var socketBase = publicBase.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? "wss://" + publicBase["https://".Length..]
            : "ws://" + publicBase["http://".Length..];
        var query = watermark is { } value
            ? $"?watermark={value.ToString(System.Globalization.CultureInfo.InvariantCulture)}&t={Uri.EscapeDataString(streamToken)}"
            : $"?t={Uri.EscapeDataString(streamToken)}";
        return $"{socketBase}{Base}/conversations/{Uri.EscapeDataString(conversationId)}/stream{query}";
    }

    public static string AttachmentUrl(string publicBase, string fileId) => $"{publicBase}{Base}/attachments/{fileId}";
}
