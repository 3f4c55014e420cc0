namespace ChannelBot.Domain.Cases;

/// <summary>What a history entry records.</summary>
public enum CaseChangeKind
{
    /// <summary>The status moved (the first entry is the submission).</summary>
    Status,

    /// <summary>Given to (or taken from) a crew or a person; the status stays.</summary>
    Assigned,

    /// <summary>Filed under another service, and so maybe routed to another department; the status stays.</summary>
    Recategorised,

    /// <summary>Placed somewhere else by staff (and so maybe routed to another department); the status stays.</summary>
    Relocated,

    /// <summary>The reporter's contact details and photos were removed after the retention period; the status stays.</summary>
    Anonymised,
}
