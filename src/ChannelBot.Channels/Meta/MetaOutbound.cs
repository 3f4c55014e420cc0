using System.Text.Json.Nodes;

namespace ChannelBot.Channels.Meta;

/// <summary>The Send API calls of one outbound activity, in order (images first, then the text with its quick replies).</summary>
/// <param name="To">The resident's PSID.</param>
/// <param name="Requests">The JSON bodies to post to <c>/me/messages</c>.</param>
/// <param name="QuickReplies">How many quick replies the text carries (0 when the choices became a numbered list).</param>
public sealed record MetaOutbound(string To, IReadOnlyList<JsonObject> Requests, int QuickReplies);
