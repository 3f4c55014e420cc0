namespace ChannelBot.Channels.DirectLine;

/// <summary>Who is calling: the holder of the secret (any conversation), or of a token bound to one conversation and user.</summary>
internal sealed record DirectLineCaller(bool WithSecret, string? ConversationId, string? UserId, string? UserName)
{
    public static DirectLineCaller Secret { get; } = new(true, null, null, null);
}
