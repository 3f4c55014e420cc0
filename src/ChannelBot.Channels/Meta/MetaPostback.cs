namespace ChannelBot.Channels.Meta;

/// <summary>A postback: a button, Get Started or a persistent-menu item was tapped.</summary>
internal sealed class MetaPostback
{
    /// <summary>The button's display title: shown, never matched on.</summary>
    public string? Title { get; set; }

    public string? Payload { get; set; }

    public string? Mid { get; set; }
}
