namespace ChannelBot.Channels.Meta;

/// <summary>The Meta channel's public path (operators paste it into the Meta app's webhook settings: keep it stable).</summary>
public static class MetaRoutes
{
    public const string WebhookPath = "/api/meta/webhook";
}
