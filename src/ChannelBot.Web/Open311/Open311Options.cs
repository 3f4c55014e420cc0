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

    /// <summary>
    /// How long a POST requests without an <c>Idempotency-Key</c> that repeats one already filed by the same api_key
    /// (same service, place, description, answers and contact) is taken for a retry of it and answered with its
    /// service_request_id instead of filing again (<see cref="SameRequest"/>); zero: never. One hour covers FixMyStreet's
    /// retries of a send whose answer was lost (five minutes after a first failure, thirty after later ones).
    /// </summary>
    public TimeSpan SameRequestWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Hosts a posted <c>media_url</c> may be fetched from, each exact (<c>photos.example.gov</c>) or a suffix
    /// (<c>*.fixmystreet.com</c>); empty: a media_url is never fetched (the case is filed and staff see the photo as
    /// not kept). The fetch is the media fetcher's, with every channel's limits (<see cref="Open311MediaAccess"/>).
    /// </summary>
    public List<string> MediaHosts { get; set; } = [];

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
