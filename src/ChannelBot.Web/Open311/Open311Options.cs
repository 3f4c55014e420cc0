namespace ChannelBot.Web.Open311;

/// <summary>
/// The Open311 GeoReport v2 server (section <c>Open311</c>): GETs are public; POSTs need one of the API keys.
/// <see cref="JurisdictionId"/>, when set, must match every request's <c>jurisdiction_id</c> (when it sends one).
/// </summary>
public sealed class Open311Options
{
    public const string Section = "Open311";

    public bool Enabled { get; set; } = true;

    /// <summary>The city's jurisdiction id (by convention its web domain, e.g. <c>springfield.example</c>); null: any or none.</summary>
    public string? JurisdictionId { get; set; }

    /// <summary>Who may post requests and updates: a name (recorded as the author of what it changes) and a key.</summary>
    public List<Open311ApiKey> ApiKeys { get; set; } = [];

    /// <summary>Discovery's contact and where to ask for a key.</summary>
    public string? Contact { get; set; }

    public string? KeyService { get; set; }
}

public sealed class Open311ApiKey
{
    public string Name { get; set; } = "";

    /// <summary>At least 32 characters; empty: not used (so the sample settings start).</summary>
    public string Key { get; set; } = "";
}
