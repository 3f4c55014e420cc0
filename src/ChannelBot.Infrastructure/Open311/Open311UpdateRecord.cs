namespace ChannelBot.Infrastructure.Open311;

/// <summary>
/// An update another system posted to <c>servicerequestupdates</c>, kept by its <c>update_id</c> so that posting the
/// same update again changes nothing twice and answers the same.
/// </summary>
public sealed class Open311UpdateRecord
{
    public const int MaxIdLength = 100;

    /// <summary>The poster's name (its API key's name) and its own update id, so two systems cannot collide.</summary>
    public required string Key { get; init; }

    public required string Ticket { get; init; }

    /// <summary>What was done: the status it set, or "unchanged" (already there, older than the case, or refused).</summary>
    public required string Outcome { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}
