namespace ChannelBot.Infrastructure.Retention;

/// <summary>How long data is kept (configuration section <c>Retention</c>); 0 days keeps it forever.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Days the message records are kept: inbound messages once processed, outbox messages once sent or failed (with
    /// their delivery reports), and conversations idle that long; what an open case still needs (its conversation and
    /// the messages in it or about the case, which staff read as the case's conversation) is kept while it is open.
    /// </summary>
    public int MessageDays { get; set; } = 90;

    /// <summary>
    /// Days after a case is closed before the reporter's name, phone, email, channel id and photos are removed from it
    /// (what was reported, where and what the city did stay), with the case's conversation (the messages about it, and
    /// its conversation's messages up to its closing once no other case of that conversation keeps its personal data).
    /// </summary>
    public int ClosedCasePersonalDataDays { get; set; } = 365;

    /// <summary>How often the sweep runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
