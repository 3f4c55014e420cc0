namespace ChannelBot.Dialogs.Definitions;

/// <summary>What a step asks. Each kind appears at most once in a flow.</summary>
public enum FlowStepKind
{
    /// <summary>The service type: free text classified by keywords, or picked from the menu.</summary>
    Category,

    /// <summary>An address or a location pin.</summary>
    Location,

    /// <summary>The chosen service type's own questions (its Open311 attributes), in order.</summary>
    Attributes,

    /// <summary>Free-text details.</summary>
    Description,

    /// <summary>Photos (attachments).</summary>
    Photos,

    /// <summary>Whether the description may be shown on the public list of requests (default no).</summary>
    Share,

    /// <summary>The name staff may use (optional by default).</summary>
    Name,

    /// <summary>Consent to updates, and a phone number or email where the channel cannot reach back.</summary>
    Consent,

    /// <summary>The read-back: submit, change any answer, or cancel.</summary>
    Summary,
}
