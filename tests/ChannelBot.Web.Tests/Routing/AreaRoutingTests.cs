using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Routing;

/// <summary>A case pinned inside a configured ward goes to the department its area rule names.</summary>
public sealed class AreaRoutingTests : IDisposable
{
    private readonly string _wards = Path.Combine(Path.GetTempPath(), "channelbot-wards-" + Guid.NewGuid().ToString("N") + ".geojson");

    public AreaRoutingTests() => File.WriteAllText(_wards, """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"Ward 3"},
           "geometry":{"type":"Polygon","coordinates":[[[-89.7,39.7],[-89.6,39.7],[-89.6,39.8],[-89.7,39.8],[-89.7,39.7]]]}}]}
        """);

    [Theory]
    [InlineData(39.75, -89.65, "CUSTOMER-SERVICE")]   // inside Ward 3: the rule routes it
    [InlineData(39.95, -89.65, "DPW-STREETS")]        // outside: the catalog's department
    public async Task A_pin_inside_the_ward_is_routed_by_its_rule(double latitude, double longitude, string department)
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?>
        {
            ["Routing:Areas:0:GeoJsonPath"] = _wards,
            ["Routing:Areas:0:Feature"] = "Ward 3",
            ["Routing:Areas:0:Services:0"] = "PTHOLE",
            ["Routing:Areas:0:Department"] = "CUSTOMER-SERVICE",
        });
        using var http = app.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "ward-" + Guid.NewGuid().ToString("N"));
        await resident.SayAsync("hi");
        await resident.SayAsync("there's a huge pothole in the road");
        await resident.SendLocationAsync(latitude, longitude);
        await PotholeScript.FinishAsync(resident, address: null);

        var saved = Assert.Single(await CaseRows.AllAsync(app.Services));
        Assert.Equal(latitude, saved.Location.Latitude);
        Assert.Equal(department, saved.Department);
    }

    [Fact]
    public async Task A_rule_naming_a_department_the_catalog_does_not_know_stops_the_start()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);

        var failure = Assert.ThrowsAny<Exception>(() => ChannelBotApp.Start(storage, new Dictionary<string, string?>
        {
            ["Routing:Areas:0:GeoJsonPath"] = _wards,
            ["Routing:Areas:0:Department"] = "NO-SUCH-DEPARTMENT",
        }));

        Assert.Contains("NO-SUCH-DEPARTMENT", failure.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_wards);
}
