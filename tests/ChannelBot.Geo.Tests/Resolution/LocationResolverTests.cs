using ChannelBot.Geo.Data;
using ChannelBot.Geo.Resolution;
using ChannelBot.Geo.Tests.Support;

namespace ChannelBot.Geo.Tests.Resolution;

/// <summary>What the resolver makes of single texts and pins in the sample city (geo/springfield/README.md describes it).</summary>
public sealed class LocationResolverTests
{
    private static CityGeography City => SampleCity.Geography;

    [Fact]
    public void An_address_is_found_with_the_street_crossing_nearby_and_its_ward()
    {
        var best = City.Resolve("pothole in front of 1250 n main street").Best;

        Assert.NotNull(best);
        Assert.Equal("1250 N Main St", best.Label);
        Assert.Equal(LocationPrecision.Address, best.Precision);
        Assert.Matches("^[EW] 1[23]th St$", best.CrossStreet);
        Assert.StartsWith("Ward ", best.Area, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_that_does_not_exist_is_the_nearest_on_the_same_street_said_as_near()
    {
        var street = City.Resolve("1250 n main st").Best!;
        var missing = Enumerable.Range(1201, 98).Select(n => City.Resolve($"{n} N Main St").Best).First(b => b?.Precision == LocationPrecision.NearAddress);

        Assert.NotNull(missing);
        Assert.EndsWith("N Main St", missing.Label, StringComparison.Ordinal);
        Assert.True(missing.Position.MetresTo(street.Position) < 200);
    }

    [Fact]
    public void Main_and_5th_is_one_corner_and_5th_alone_is_two_streets()
    {
        var corner = City.Resolve("corner of Main & Fifth");
        var fifth = City.Resolve("on 5th street");

        Assert.Equal(LocationOutcome.Found, corner.Outcome);
        Assert.Equal(LocationPrecision.Intersection, corner.Best!.Precision);
        Assert.Equal(LocationOutcome.StreetOnly, fifth.Outcome);
        Assert.Equal(["E 5th St", "W 5th St"], fifth.Streets!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Spanish_corners_and_addresses_resolve()
    {
        Assert.Equal(City.Resolve("Main and 5th").Best!.Position, City.Resolve("esquina de Main y la 5").Best!.Position);
        Assert.Equal("250 N Main St", City.Resolve("frente al 250 de la calle Main Norte").Best?.Label);
    }

    [Fact]
    public void A_misspelt_street_with_a_number_is_found_but_a_misspelt_word_alone_is_not_a_street()
    {
        Assert.Equal("1250 N Main St", City.Resolve("1250 N Mian St").Best?.Label);
        Assert.Equal(LocationOutcome.NotFound, City.Resolve("the pole is leaning").Outcome);
    }

    [Fact]
    public void A_place_is_found_by_an_alias_and_in_Spanish()
    {
        Assert.Equal("Lincoln Park", City.Resolve("by the big park on oak").Best?.Label);
        Assert.Equal("Springfield City Hall", City.Resolve("frente al ayuntamiento").Best?.Label);
    }

    [Fact]
    public void A_neighbouring_town_or_its_road_is_outside_with_whom_to_call()
    {
        var town = City.Resolve("elm st in chester falls");
        var road = City.Resolve("pothole on county road 9");

        Assert.Equal(LocationOutcome.Outside, town.Outcome);
        Assert.Equal("chester-falls", town.Neighbour?.Id);
        Assert.NotNull(town.Neighbour?.Contact.Phone);
        Assert.Equal(LocationOutcome.Outside, road.Outcome);
        Assert.Equal("pioneer-county", road.Neighbour?.Id);
    }

    [Fact]
    public void A_pin_is_described_by_the_nearest_address_and_a_pin_outside_by_its_neighbour()
    {
        var address = City.Resolve("1250 n main st").Best!;
        var pin = new GeoPosition(address.Position.Latitude + 0.00005, address.Position.Longitude);

        var inside = City.Describe(pin);
        var outside = City.Describe(new GeoPosition(42.07, -72.58));

        Assert.Equal(LocationOutcome.Found, inside.Outcome);
        Assert.Equal("1250 N Main St", inside.Best!.Label);
        Assert.Equal(LocationOutcome.Outside, outside.Outcome);
        Assert.NotNull(outside.Neighbour);
    }

    [Fact]
    public void Long_or_hostile_texts_cost_bounded_work()
    {
        var hostile = string.Concat(Enumerable.Repeat("mapel and 5th & ", 20_000));

        var result = City.Resolve(hostile);

        Assert.NotEqual(LocationOutcome.Outside, result.Outcome);
    }
}
