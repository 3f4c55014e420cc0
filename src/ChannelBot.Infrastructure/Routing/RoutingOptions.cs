namespace ChannelBot.Infrastructure.Routing;

/// <summary>Area rules that route cases by where they are (configuration section <c>Routing</c>).</summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>Checked in order; the first that matches a case's pin and service decides its department.</summary>
    public List<AreaRuleOptions> Areas { get; set; } = [];
}

/// <summary>One area rule.</summary>
public sealed class AreaRuleOptions
{
    /// <summary>A GeoJSON file (FeatureCollection, Feature, Polygon or MultiPolygon); relative paths are under the content root.</summary>
    public string GeoJsonPath { get; set; } = string.Empty;

    /// <summary>With a FeatureCollection: the feature whose <c>name</c> property is this; unset: every feature of the file.</summary>
    public string? Feature { get; set; }

    /// <summary>Service codes from the catalog the rule applies to; empty: every service.</summary>
    public List<string> Services { get; set; } = [];

    /// <summary>The department code (from the catalog's departments) cases in the area go to.</summary>
    public string Department { get; set; } = string.Empty;
}
