namespace ChannelBot.Sandbox.Meta;

/// <summary>A Send API body the sandbox accepted: a message (text or image, with quick replies) or a sender action.</summary>
/// <param name="SenderAction"><c>typing_on</c>, <c>typing_off</c> or <c>mark_seen</c>; null for a message.</param>
public sealed record MetaSandboxSend(
    string Psid,
    string? SenderAction,
    string? Text,
    string? ImageUrl,
    IReadOnlyList<MetaSandboxQuickReply> QuickReplies,
    string? MessagingType);
