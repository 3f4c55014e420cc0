namespace ChannelBot.Dialogs.State;

/// <summary>The answers of an intake in progress.</summary>
public sealed class IntakeDraft
{
    /// <summary>Step references answered or skipped (<c>category</c>, <c>attr:WHERE</c>, <c>photos</c>...).</summary>
    public HashSet<string> Done { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What the resident first wrote, when it described the problem.</summary>
    public string? InitialText { get; set; }

    public string? ServiceCode { get; set; }

    /// <summary>Codes offered as "did you mean" at the category step.</summary>
    public List<string>? Suggestions { get; set; }

    /// <summary>True once the full menu of request types was shown (numbers then refer to it).</summary>
    public bool MenuShown { get; set; }

    /// <summary>A place the resident mentioned in passing ("on Main St"), offered at the location step.</summary>
    public string? LocationHint { get; set; }

    public LocationAnswer? Location { get; set; }

    /// <summary>What the location step asked about the place the resident typed (null: nothing pending).</summary>
    public LocationQuestion? LocationQuestion { get; set; }

    /// <summary>True once open cases near the location were looked for (whatever was found).</summary>
    public bool NearbyChecked { get; set; }

    /// <summary>The open case nearby the resident is asked to follow instead (null: none offered or answered).</summary>
    public NearbyOffer? NearbyOffer { get; set; }

    /// <summary>The open case the resident chose to follow: the report is filed as its duplicate.</summary>
    public string? Following { get; set; }

    /// <summary>Answers to the service's questions, by attribute code.</summary>
    public Dictionary<string, AttributeAnswer> Attributes { get; set; } = new(StringComparer.Ordinal);

    public string? Description { get; set; }

    /// <summary>Whether the resident agreed to show the description on the public list of requests (null: not asked, no).</summary>
    public bool? DescriptionPublic { get; set; }

    public List<PhotoAnswer> Photos { get; set; } = [];

    public string? Name { get; set; }

    public bool? ConsentToUpdates { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>How a web chat reporter chose to hear back: <c>sms</c>, <c>whatsapp</c> or <c>email</c> (null: their own channel, or no updates).</summary>
    public string? UpdateChannel { get; set; }

    /// <summary>
    /// True while a resident who agreed to updates on a channel that closes after 24 hours (Messenger) is asked for a
    /// mobile number or an email for later updates (<see cref="Phone"/> or <see cref="Email"/>; skipping leaves both empty).
    /// </summary>
    public bool AskingFallbackContact { get; set; }

    /// <summary>
    /// True when the dialog files changed under this intake in a way the resident must hear about: the next
    /// question starts with a word about it.
    /// </summary>
    public bool DefinitionsChanged { get; set; }

    /// <summary>True while the summary lists what can be changed (after "Change something").</summary>
    public bool ChoosingChange { get; set; }

    /// <summary>True while the resident is changing one answer from the summary.</summary>
    public bool Reviewing { get; set; }
}
