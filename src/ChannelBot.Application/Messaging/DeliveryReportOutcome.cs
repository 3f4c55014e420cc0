namespace ChannelBot.Application.Messaging;

/// <summary>What became of a delivery report.</summary>
public enum DeliveryReportOutcome
{
    /// <summary>The message's status moved up to the reported one.</summary>
    Applied,

    /// <summary>The message already had this status or a later (or final) one: nothing changed.</summary>
    Stale,

    /// <summary>No outbox row is known for the message.</summary>
    UnknownMessage,
}
