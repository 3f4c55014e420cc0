namespace ChannelBot.Application.Delivery;

/// <summary>
/// A department's work-order system that speaks Open311 GeoReport v2 (configuration
/// <c>Departments:Open311:{DEPARTMENT-CODE}</c>): new cases are POSTed to its <c>requests</c>, and their status is
/// read back from it every <see cref="PollInterval"/> (it may also post it to ours, <c>servicerequestupdates</c>).
/// </summary>
public sealed class DepartmentOpen311
{
    /// <summary>The base URL of its GeoReport v2 API (ending in <c>/</c>, e.g. <c>https://workorders.example.gov/open311/v2/</c>).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The API key it gave the city for ChannelBot.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Its jurisdiction id, when it serves several.</summary>
    public string? JurisdictionId { get; set; }

    /// <summary>Our service codes in its words, where they differ (by our code; a code not listed is sent as it is).</summary>
    public Dictionary<string, string> ServiceCodes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How its status changes are read: <see cref="UpdatesByServiceRequestUpdates"/> (mySociety's extension, which
    /// FixMyStreet and most work-order connectors offer), <see cref="UpdatesByRequests"/> (plain GeoReport v2: the
    /// status of each of our open cases there), or <see cref="UpdatesNone"/> (it posts them to us instead).
    /// </summary>
    public string Updates { get; set; } = UpdatesByServiceRequestUpdates;

    /// <summary>How often its status changes are read.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    public const string UpdatesByServiceRequestUpdates = "servicerequestupdates";

    public const string UpdatesByRequests = "requests";

    public const string UpdatesNone = "none";

    /// <summary>The code the department's system knows <paramref name="serviceCode"/> by.</summary>
    public string ServiceCodeFor(string serviceCode) => ServiceCodes.TryGetValue(serviceCode, out var theirs) ? theirs : serviceCode;
}
