namespace ChannelBot.Infrastructure.Instances;

/// <summary>How instances sharing one database tell each other they are alive (configuration section <c>Instances</c>).</summary>
public sealed class InstanceOptions
{
    public const string Section = "Instances";

    /// <summary>How often a running instance writes that it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// An instance silent this long is presumed dead, and the inbound activities and outbox rows it held are taken
    /// over by the others. Several heartbeats long, so a slow database or a long pause does not make two owners.
    /// </summary>
    public TimeSpan PresumedDeadAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an instance looks for work whose owner is gone (stopped, crashed, presumed dead).</summary>
    public TimeSpan TakeOverInterval { get; set; } = TimeSpan.FromSeconds(15);
}
