using System.Collections.Concurrent;

namespace ChannelBot.Sandbox.Email;

/// <summary>The sandbox's mailbox, in memory and bounded: past <see cref="Capacity"/> messages the oldest are dropped.</summary>
public sealed class EmailSandboxStore
{
    public const int Capacity = 1000;

    private readonly ConcurrentQueue<EmailSandboxMessage> _messages = new();

    public void Add(EmailSandboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _messages.Enqueue(message);
        while (_messages.Count > Capacity && _messages.TryDequeue(out _))
        {
        }
    }

    /// <summary>What <paramref name="to"/> received (compared without regard to case), oldest first.</summary>
    public IReadOnlyList<EmailSandboxMessage> For(string to) =>
        _messages.Where(m => string.Equals(m.To, to.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
}
