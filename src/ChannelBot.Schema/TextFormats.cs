namespace ChannelBot.Schema;

/// <summary>Wire values of <see cref="Activity.TextFormat"/>. Web Chat renders anything else as Markdown.</summary>
public static class TextFormats
{
    public const string Plain = "plain";
    public const string Markdown = "markdown";
    public const string Xml = "xml";
}
