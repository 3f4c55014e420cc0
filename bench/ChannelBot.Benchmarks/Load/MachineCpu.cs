using System.Globalization;

namespace ChannelBot.Benchmarks.Load;

/// <summary>
/// The whole machine's CPU counters from <c>/proc/stat</c> (Linux; zeros elsewhere): how busy every core was, and
/// how much time the hypervisor gave to someone else (steal), so a run on shared cores can be told from a slow one.
/// </summary>
public readonly record struct MachineCpu(long Busy, long Steal, long Total)
{
    public static MachineCpu Read()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();

            // user nice system idle iowait irq softirq steal ...
            var idle = fields[3] + fields[4];
            var steal = fields.Length > 7 ? fields[7] : 0;
            var total = fields.Take(8).Sum();
            return new MachineCpu(total - idle - steal, steal, total);
        }
        catch (IOException)
        {
            return default;
        }
        catch (UnauthorizedAccessException)
        {
            return default;
        }
    }

    /// <summary>Busy and steal percentages of the machine between <paramref name="from"/> and this reading.</summary>
    public (double BusyPercent, double StealPercent) Since(MachineCpu from)
    {
        var total = Total - from.Total;
        return total <= 0 ? (0, 0) : (100.0 * (Busy - from.Busy) / total, 100.0 * (Steal - from.Steal) / total);
    }
}
