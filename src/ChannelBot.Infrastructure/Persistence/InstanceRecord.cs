namespace ChannelBot.Infrastructure.Persistence;

/// <summary>A running instance of the app on this database: deleted when it stops, stale when it died.</summary>
public sealed class InstanceRecord
{
    /// <summary>The instance's id (ChannelBot.Infrastructure.Instances.InstanceIdentity).</summary>
    public required string Id { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The last time it said it was alive.</summary>
    public DateTimeOffset HeartbeatAt { get; set; }
}
