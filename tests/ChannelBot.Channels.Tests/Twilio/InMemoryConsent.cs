using System.Collections.Concurrent;
using ChannelBot.Application.Messaging;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>The consent store reduced to a dictionary (the real one, on SQLite and PostgreSQL, is tested in Infrastructure).</summary>
public sealed class InMemoryConsent : IMessagingConsent
{
    private readonly ConcurrentDictionary<string, bool> _optedOut = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ConsentChange> _changes = new();
    private readonly ConcurrentQueue<ConsentChange> _confirmed = new();

    public IReadOnlyList<ConsentChange> Changes => [.. _changes];

    /// <summary>Changes whose confirmation was queued (state changed and a confirmation was given).</summary>
    public IReadOnlyList<ConsentChange> Confirmed => [.. _confirmed];

    public void OptOut(string channelId, string address) => _optedOut[channelId + "|" + address] = true;

    public bool IsOptedOut(string channelId, string address) => _optedOut.GetValueOrDefault(channelId + "|" + address);

    public Task<bool> IsOptedOutAsync(string channelId, string address, CancellationToken cancellationToken) =>
        Task.FromResult(IsOptedOut(channelId, address));

    public Task<bool> RecordAsync(ConsentChange change, CancellationToken cancellationToken)
    {
        _changes.Enqueue(change);
        var key = change.ChannelId + "|" + change.Address;
        var before = _optedOut.GetValueOrDefault(key);
        _optedOut[key] = change.OptedOut;
        var changed = before != change.OptedOut;
        if (changed && change.Confirmation is not null)
        {
            _confirmed.Enqueue(change);
        }

        return Task.FromResult(changed);
    }
}
