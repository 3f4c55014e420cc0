namespace ChannelBot.Application.Messaging;

/// <summary>
/// The order of delivery statuses: a report only ever raises a message's rank. <c>failed</c> and
/// <c>undelivered</c> (and <c>canceled</c>) rank above everything, so they stick: a late <c>sent</c> cannot undo them.
/// </summary>
public static class DeliveryStatusRank
{
    public const int Final = 100;

    /// <summary>The rank of a status word; 0 for a word not known (it is stored only if nothing is yet).</summary>
    public static int Of(string? status) => status?.ToLowerInvariant() switch
    {
        "accepted" or "scheduled" => 1,
        "queued" => 2,
        "sending" => 3,
        "sent" => 4,
        "partially_delivered" => 5,
        "delivered" => 6,
        "read" => 7,
        "failed" or "undelivered" or "canceled" => Final,
        _ => 0,
    };
}
