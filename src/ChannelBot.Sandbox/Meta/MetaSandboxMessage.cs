namespace ChannelBot.Sandbox.Meta;

/// <summary>One message the sandbox's fake Send API accepted: what the resident's Messenger shows.</summary>
/// <param name="Mid">The message id the fake API answered with.</param>
/// <param name="Psid">The resident (<c>recipient.id</c>).</param>
/// <param name="Text">The text, or null for an attachment.</param>
/// <param name="ImageUrl">An image attachment's URL.</param>
/// <param name="QuickReplies">The quick replies under the text, in order.</param>
/// <param name="MessagingType">As sent: <c>RESPONSE</c>, <c>UPDATE</c> or <c>MESSAGE_TAG</c>.</param>
public sealed record MetaSandboxMessage(
    string Mid,
    string Psid,
    string? Text,
    string? ImageUrl,
    IReadOnlyList<MetaSandboxQuickReply> QuickReplies,
    string MessagingType,
    DateTimeOffset CreatedAt);
