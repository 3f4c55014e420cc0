namespace ChannelBot.Benchmarks.Load;

/// <summary>
/// The turns of one virtual resident that completed inside the measurement window (post sent → first reply
/// received at the fake connector), in microseconds. One per resident, so recording takes no lock.
/// </summary>
public sealed class LatencyRecorder
{
    public List<double> Microseconds { get; } = new(4096);

    /// <summary>Of the same turns: post sent → 200 from <c>/api/messages</c> (the activity is stored in the inbox).</summary>
    public List<double> AckMicroseconds { get; } = new(4096);

    public int Errors { get; set; }

    public int Timeouts { get; set; }
}
