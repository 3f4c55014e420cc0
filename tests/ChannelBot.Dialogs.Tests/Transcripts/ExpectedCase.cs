namespace ChannelBot.Dialogs.Tests.Transcripts;

/// <summary>The fields a filed case must have. Fields left out are not checked.</summary>
public sealed class ExpectedCase
{
    public string Service { get; set; } = string.Empty;

    /// <summary>Attribute code → its values (list keys, or the canonical value).</summary>
    public Dictionary<string, List<string>> Attributes { get; set; } = [];

    /// <summary>Text the address must contain.</summary>
    public string? Address { get; set; }

    /// <summary>The open case the resident chose to follow (the report filed as its duplicate); null: a new report.</summary>
    public string? Follows { get; set; }

    /// <summary>[latitude, longitude] of the pin.</summary>
    public List<double>? Pin { get; set; }

    /// <summary>Text the description must contain.</summary>
    public string? Description { get; set; }

    public int? Photos { get; set; }

    public bool? Consent { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The channel a web chat reporter chose for updates: sms, whatsapp or email.</summary>
    public string? UpdatesBy { get; set; }

    public string? Name { get; set; }

    public string? Language { get; set; }
}
