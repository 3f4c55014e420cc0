namespace ChannelBot.Dialogs.State;

/// <summary>
/// A question the location step asked about what the resident typed: confirm the one place found, choose among
/// several, say where on a street, give a cross street for a place not on the map, or say a place outside the city
/// is inside after all.
/// </summary>
public sealed class LocationQuestion
{
    public const string Confirm = "confirm";
    public const string Choose = "choose";
    public const string WhereOnStreet = "street";
    public const string NotFound = "notFound";
    public const string Outside = "outside";

    public string Kind { get; set; } = Confirm;

    /// <summary>What the resident typed.</summary>
    public string Typed { get; set; } = "";

    /// <summary>The places offered (one for Confirm; the choices for Choose).</summary>
    public List<LocationAnswer> Candidates { get; set; } = [];

    /// <summary>For WhereOnStreet: the street ("Oak Ave").</summary>
    public string? Street { get; set; }
}
