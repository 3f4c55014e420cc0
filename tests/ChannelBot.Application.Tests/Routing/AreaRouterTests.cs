using ChannelBot.Application.Routing;

namespace ChannelBot.Application.Tests.Routing;

/// <summary>Routing by area: GeoJSON wards read, points tested inside, holes and edges respected, rules in order.</summary>
public sealed class AreaRouterTests
{
    // Two wards side by side (lon -90..-89.5 and -89.5..-89, lat 39.5..40); Ward 1 has a park cut out of it.
    private const string Wards = """
        {
          "type": "FeatureCollection",
          "features": [
            { "type": "Feature", "properties": { "name": "Ward 1" },
              "geometry": { "type": "Polygon", "coordinates": [
                [[-90, 39.5], [-89.5, 39.5], [-89.5, 40], [-90, 40], [-90, 39.5]],
                [[-89.8, 39.7], [-89.7, 39.7], [-89.7, 39.8], [-89.8, 39.8], [-89.8, 39.7]] ] } },
            { "type": "Feature", "properties": { "name": "Ward 2" },
              "geometry": { "type": "MultiPolygon", "coordinates": [
                [[[-89.5, 39.5], [-89, 39.5], [-89, 40], [-89.5, 40], [-89.5, 39.5]]] ] } }
          ]
        }
        """;

    [Fact]
    public void A_feature_collection_gives_one_area_per_feature_by_name()
    {
        var areas = GeoJsonAreas.Read(Wards);

        Assert.Equal(["Ward 1", "Ward 2"], areas.Select(a => a.Name));
    }

    [Theory]
    [InlineData(39.6, -89.9, true)]    // inside Ward 1
    [InlineData(39.75, -89.75, false)] // in the park, a hole of Ward 1
    [InlineData(39.6, -89.4, false)]   // Ward 2
    [InlineData(41.0, -89.9, false)]   // north of everything
    [InlineData(39.5, -89.9, true)]    // on the southern edge
    public void Points_are_inside_outside_on_edges_and_in_holes(double latitude, double longitude, bool inWard1)
    {
        var ward1 = GeoJsonAreas.Read(Wards)[0].Area;

        Assert.Equal(inWard1, ward1.Contains(latitude, longitude));
    }

    [Fact]
    public void The_first_matching_rule_routes_and_the_catalog_decides_otherwise()
    {
        var areas = GeoJsonAreas.Read(Wards);
        var router = new AreaRouter(
        [
            new AreaRule("Ward 1", areas[0].Area, ["TREE"], "PARKS-WARD1"),
            new AreaRule("Ward 2", areas[1].Area, [], "DPW-WARD2"),
        ]);

        Assert.Equal(("PARKS-WARD1", "Ward 1"), Pick(router.Route("TREE", "FORESTRY", 39.6, -89.9)));
        Assert.Equal(("FORESTRY", null), Pick(router.Route("PTHOLE", "FORESTRY", 39.6, -89.9)));     // rule is for trees only
        Assert.Equal(("DPW-WARD2", "Ward 2"), Pick(router.Route("PTHOLE", "DPW-STREETS", 39.6, -89.4)));
        Assert.Equal(("DPW-STREETS", null), Pick(router.Route("PTHOLE", "DPW-STREETS", null, null))); // an address alone
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"Point","coordinates":[1,2]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0]]]}""")]
    public void What_is_not_a_polygon_is_refused_with_a_format_error(string json) =>
        Assert.Throws<FormatException>(() => GeoJsonAreas.Read(json));

    private static (string, string?) Pick((string Department, AreaRule? Rule) routed) => (routed.Department, routed.Rule?.Name);
}
