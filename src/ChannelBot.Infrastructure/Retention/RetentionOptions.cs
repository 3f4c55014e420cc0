namespace ChannelBot.Infrastructure.Retention;

/// <summary>How long data is kept (configuration section <c>Retention</c>); 0 days keeps it forever.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Days the message records are kept: inbound messages once processed, outbox messages once sent or failed (with
    /// their delivery reports), and conversations idle that long that no open case still needs.
    /// </summary>
    public int MessageDays { get; set; } = 90;

    /// <summary>
    /// Days after a case is closed before the reporter's name, phone, email, channel id and photos are removed from it
    /// (what was reported, where and what the city did stay).
    /// </summary>
    public int ClosedCasePersonalDataDays { get; set; } = 365;

    /// <summary>How often the sweep runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
