using System.Diagnostics;

namespace ChannelBot.Application.Conversations;

/// <summary>
/// The trace source of the turn pipeline ("ChannelBot.Turns"): one span per engine run, tagged with the channel and
/// the inbound activity's id (a provider's message id, never an address). An OpenTelemetry exporter or any
/// <see cref="ActivityListener"/> can subscribe; without a listener nothing is recorded.
/// </summary>
public static class TurnTracing
{
    public const string SourceName = "ChannelBot.Turns";

    public const string EngineRunName = "dialog.engine.run";

    public const string ActivityIdTag = "channelbot.activity.id";

    public const string ChannelTag = "channelbot.channel";

    private static readonly ActivitySource _source = new(SourceName);

    /// <summary>Starts the span of one engine run on <paramref name="inbound"/>; null when nobody listens.</summary>
    public static System.Diagnostics.Activity? StartEngineRun(Schema.Activity inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var span = _source.StartActivity(EngineRunName, ActivityKind.Internal);
        span?.SetTag(ChannelTag, inbound.ChannelId);
        span?.SetTag(ActivityIdTag, inbound.Id);
        return span;
    }
}
