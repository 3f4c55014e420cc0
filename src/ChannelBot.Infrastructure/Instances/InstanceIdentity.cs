namespace ChannelBot.Infrastructure.Instances;

/// <summary>
/// This process among the instances sharing one database: a new id at every start (a restarted process is a new
/// instance, and what the old one held is taken over like any other instance's). It marks the inbound activities
/// and outbox rows this process works on (<c>OwnerId</c>), and its row in <c>Instances</c> says it is alive.
/// </summary>
public sealed class InstanceIdentity
{
    /// <summary>The longest id stored (the <c>OwnerId</c> columns).</summary>
    public const int MaxLength = 64;

    public InstanceIdentity()
        : this(Environment.MachineName)
    {
    }

    internal InstanceIdentity(string machine)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var host = new string([.. machine.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.').Take(MaxLength - suffix.Length - 1)]);
        Id = host.Length == 0 ? suffix : host + "-" + suffix;
    }

    public string Id { get; }

    public override string ToString() => Id;
}
