using System.Collections.Concurrent;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// <see cref="IMessengerWindows"/> in memory, the default until the conversation store keeps it: after a restart a
/// resident's window is unknown until they write again (the Send API then decides). Bounded: past
/// <see cref="MaxResidents"/> residents, those whose last message is older than <see cref="Retention"/> are dropped,
/// then the oldest.
/// </summary>
internal sealed class InMemoryMessengerWindows(TimeProvider timeProvider) : IMessengerWindows
{
    public const int MaxResidents = 100_000;

    /// <summary>How long a last-message time is worth keeping: past the 24-hour window, and the 7 days of HUMAN_AGENT.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(8);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);

    public Task RecordInboundAsync(string psid, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(psid);
        _last.AddOrUpdate(psid, at, (_, known) => at > known ? at : known);
        if (_last.Count > MaxResidents)
        {
            Trim();
        }

        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> LastInboundAsync(string psid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(psid);
        return Task.FromResult(_last.TryGetValue(psid, out var at) ? at : (DateTimeOffset?)null);
    }

    private void Trim()
    {
        var cutoff = timeProvider.GetUtcNow() - Retention;
        foreach (var (psid, at) in _last)
        {
            if (at < cutoff)
            {
                _last.TryRemove(psid, out _);
            }
        }

        var excess = _last.Count - MaxResidents;
        if (excess > 0)
        {
            foreach (var (psid, _) in _last.OrderBy(p => p.Value).Take(excess).ToList())
            {
                _last.TryRemove(psid, out _);
            }
        }
    }
}
