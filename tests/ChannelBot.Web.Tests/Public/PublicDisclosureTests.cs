using ChannelBot.Infrastructure.Cases;

namespace ChannelBot.Web.Tests.Public;

/// <summary>What <see cref="PublicDisclosure"/> makes of a case's place and point: blocks, intersections and places as they are, nothing without a point, nothing that looks personal.</summary>
public sealed class PublicDisclosureTests
{
    [Theory]
    [InlineData("1250 N Main St", 1200, "N Main St")]
    [InlineData("1231 N Main St", 1200, "N Main St")]
    [InlineData("5 Academy Pl", 0, "Academy Pl")]
    [InlineData("99 Elm St", 0, "Elm St")]
    [InlineData("100 E 5th St", 100, "E 5th St")]
    [InlineData("near 364 Maple St", 300, "Maple St")]
    [InlineData("cerca de 364 Maple St", 300, "Maple St")]
    [InlineData("123A Main St Apt 4", 100, "Main St")]
    [InlineData("123 Main St #12", 100, "Main St")]
    [InlineData("123 Main St Unit B", 100, "Main St")]
    [InlineData("1250-1254 State St", 1200, "State St")]
    [InlineData("1231 N Main St, Springfield, MA 01107", 1200, "N Main St")]
    [InlineData("45 Ste Marie Ave", 0, "Ste Marie Ave")]
    public void An_address_is_shown_as_its_block(string address, int block, string street) =>
        Assert.Equal(new PublicLocation(block, street), PublicDisclosure.Location(address, located: true));

    [Theory]
    [InlineData("N Main St & E 12th St")]
    [InlineData("5th Ave & Main St")]
    [InlineData("Lincoln Park")]
    [InlineData("Fire Station 3")]
    public void An_intersection_or_a_place_is_shown_as_the_map_names_it(string place) =>
        Assert.Equal(new PublicLocation(null, place), PublicDisclosure.Location(place, located: true));

    [Theory]
    [InlineData("1231 N Main St", false)]          // words kept as typed: no point
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("123", true)]                       // a bare number
    [InlineData("Call Ana 555-867-5309", true)]     // a phone number
    [InlineData("ana@example.org", true)]
    [InlineData("12 Oak St call 5558675309", true)]
    public void A_place_that_is_not_public_is_not_shown(string address, bool located) =>
        Assert.Null(PublicDisclosure.Location(address, located));

    [Theory]
    [InlineData(42.113299, 42.113)]
    [InlineData(-72.5901451, -72.59)]
    [InlineData(42.09951, 42.1)]
    [InlineData(-72.58851, -72.589)]
    public void A_coordinate_is_rounded_to_three_decimals(double value, double rounded) =>
        Assert.Equal(rounded, PublicDisclosure.Coordinate(value));
}
