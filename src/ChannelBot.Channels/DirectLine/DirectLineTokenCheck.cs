namespace ChannelBot.Channels.DirectLine;

/// <summary>The outcome of checking a token: its status and, when valid, what it is bound to.</summary>
internal sealed record DirectLineTokenCheck(DirectLineTokenStatus Status, string? ConversationId = null, string? UserId = null, string? UserName = null)
{
    public static DirectLineTokenCheck Invalid { get; } = new(DirectLineTokenStatus.Invalid);

    public static DirectLineTokenCheck Expired { get; } = new(DirectLineTokenStatus.Expired);
}
