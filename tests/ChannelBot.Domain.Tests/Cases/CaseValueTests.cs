using ChannelBot.Domain.Cases;
using ChannelBot.Domain.Common;

namespace ChannelBot.Domain.Tests.Cases;

public class CaseValueTests
{
    [Theory]
    [InlineData(40.7, null)]
    [InlineData(null, -74.0)]
    [InlineData(91.0, 0.0)]
    [InlineData(0.0, -181.0)]
    [InlineData(double.NaN, 0.0)]
    public void A_pin_needs_both_coordinates_within_wgs84_range(double? latitude, double? longitude)
    {
        Assert.Throws<DomainException>(() => new CaseLocation("12 Main St", latitude, longitude));
    }

    [Fact]
    public void A_location_may_be_an_address_alone()
    {
        var location = new CaseLocation("  12 Main St ", null, null);

        Assert.Equal("12 Main St", location.Address);
        Assert.False(location.HasPin);
    }

    [Theory]
    [InlineData("5555550123")]
    [InlineData("+0555550123")]
    [InlineData("+1 555 555 0123")]
    [InlineData("+1234567890123456")]
    public void A_reporter_phone_must_be_e164(string phone)
    {
        Assert.Throws<DomainException>(() => new ResidentContact(null, phone, null, "sms", "+15555550123"));
    }

    [Fact]
    public void A_reporter_needs_the_channel_they_wrote_from()
    {
        Assert.Throws<DomainException>(() => new ResidentContact("Ana", null, null, "", "user-1"));
    }

    [Fact]
    public void Blank_optional_contact_details_become_absent()
    {
        var contact = new ResidentContact(" ", null, "", "directline", "user-1");

        Assert.Equal((null, null, null), (contact.Name, contact.Phone, contact.Email));
    }
}
