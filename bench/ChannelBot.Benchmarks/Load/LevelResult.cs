namespace ChannelBot.Benchmarks.Load;

/// <summary>What one concurrency level measured.</summary>
public sealed record LevelResult(
    string Provider,
    int Concurrency,
    TimeSpan Window,
    int Turns,
    double TurnsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double AckP50Ms,
    double AckP99Ms,
    int Errors,
    int Timeouts,
    double CpuPercent,
    double MachineBusyPercent,
    double MachineStealPercent,
    int Gen0,
    int Gen1,
    int Gen2,
    int Cases,
    double AllocatedKbPerTurn = 0,
    double GcPausePercent = 0);
