using ChannelBot.Schema;

namespace ChannelBot.Channels.Connector;

/// <summary>
/// The Connector channel already speaks Activity, so "mapping" is deciding what to keep and completing it:
/// <list type="bullet">
/// <item>Stored: <c>message</c>, <c>conversationUpdate</c> (greeting), <c>event</c> (e.g. <c>webchat/join</c>),
/// <c>endOfConversation</c> (the channel closed the conversation: the dialog should drop its state), and
/// <c>deleteUserData</c> (the Emulator's "delete user data": a privacy request the application must see and
/// honour by forgetting the conversation's state; dropping it here would silently ignore the request).</item>
/// <item>Ignored with 200: <c>typing</c>, <c>messageReaction</c> (no dialog step reads reactions),
/// <c>installationUpdate</c>, <c>contactRelationUpdate</c>, <c>messageUpdate</c>, <c>messageDelete</c>,
/// <c>trace</c>, <c>handoff</c> and every unknown type (receivers must ignore unknown types, A2014).</item>
/// <item><c>invoke</c>: 501, as the SDK answers an invoke no handler took.</item>
/// </list>
/// </summary>
internal static class ConnectorActivityMapper
{
    /// <summary>The SDK's <c>CallerIdConstants.PublicAzureChannel</c>: set on activities whose token was validated.</summary>
    public const string AuthenticatedCallerId = "urn:botframework:azure";

    private static readonly HashSet<string> StoredTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message,
        ActivityTypes.ConversationUpdate,
        ActivityTypes.Event,
        ActivityTypes.EndOfConversation,
        ActivityTypes.DeleteUserData,
    };

    public static ConnectorInboundDisposition DispositionOf(string type) =>
        StoredTypes.Contains(type) ? ConnectorInboundDisposition.Store
        : string.Equals(type, ActivityTypes.Invoke, StringComparison.Ordinal) ? ConnectorInboundDisposition.NotImplemented
        : ConnectorInboundDisposition.Ignore;

    /// <summary>The first field a stored activity lacks, named as on the wire; null when complete.</summary>
    public static string? MissingField(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "channelId";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "conversation.id";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "from.id";
        }

        return ConnectorRoutes.TryParseServiceUrl(activity.ServiceUrl, out _) ? null : "serviceUrl";
    }

    /// <summary>
    /// Completes an activity for the sink: an id when the channel gave none, and <c>callerId</c> set by us
    /// alone (what a client sent there is overwritten, as the SDK does), so downstream code can tell an
    /// activity whose serviceUrl was authenticated (spec A7560) from an anonymous one.
    /// </summary>
    public static Activity ToInbound(Activity activity, bool authenticated)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.Id))
        {
            activity.Id = Guid.NewGuid().ToString();
        }

        activity.CallerId = authenticated ? AuthenticatedCallerId : null;
        return activity;
    }
}
