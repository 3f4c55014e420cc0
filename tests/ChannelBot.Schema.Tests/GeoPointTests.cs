namespace ChannelBot.Schema.Tests;

/// <summary>A location pin travels as a Place (or GeoCoordinates) entity; both are read, a Place is written.</summary>
public sealed class GeoPointTests
{
    [Fact]
    public void A_place_entity_written_is_read_back()
    {
        var pin = new GeoPoint(39.7817, -89.6501, "City Hall", "300 S 2nd St");
        var activity = new Activity { Type = ActivityTypes.Message, Entities = [pin.ToEntity()] };

        var read = GeoPoint.FromActivity(ActivityJson.Deserialize(ActivityJson.Serialize(activity)));

        Assert.Equal(pin, read);
    }

    [Fact]
    public void A_bare_geo_coordinates_entity_is_read()
    {
        var activity = ActivityJson.Deserialize("""
            {"type":"message","entities":[{"type":"GeoCoordinates","latitude":39.78,"longitude":-89.65}]}
            """);

        var read = GeoPoint.FromActivity(activity);

        Assert.NotNull(read);
        Assert.Equal(39.78, read.Latitude);
        Assert.Equal(-89.65, read.Longitude);
    }

    [Theory]
    [InlineData("""{"type":"message"}""")]
    [InlineData("""{"type":"message","entities":[{"type":"GeoCoordinates","latitude":"north"}]}""")]
    [InlineData("""{"type":"message","entities":[{"type":"GeoCoordinates","latitude":91,"longitude":0}]}""")]
    [InlineData("""{"type":"message","entities":[{"type":"mention","text":"x"}]}""")]
    public void Activities_without_a_usable_pin_have_none(string json) =>
        Assert.Null(GeoPoint.FromActivity(ActivityJson.Deserialize(json)));
}
