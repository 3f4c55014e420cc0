namespace ChannelBot.Channels.DirectLine;

/// <summary>The optional body of <c>tokens/generate</c> and of a conversation start (<c>{"user":{…},"locale":…}</c>).</summary>
internal sealed class DirectLineStartRequest
{
    public DirectLineUser? User { get; set; }

    public string? Locale { get; set; }

    public List<string>? TrustedOrigins { get; set; }
}
