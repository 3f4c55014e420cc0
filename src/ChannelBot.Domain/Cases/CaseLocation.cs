using ChannelBot.Domain.Common;

namespace ChannelBot.Domain.Cases;

/// <summary>
/// Where the problem is: an address (as the city's map writes it, or as the resident typed it), a WGS84 point, or
/// both, and the area of the city (a ward) the point is in when the city has areas.
/// </summary>
public sealed record CaseLocation
{
    public CaseLocation(string? address, double? latitude, double? longitude, string? area = null)
    {
        if (latitude.HasValue != longitude.HasValue)
        {
            throw new DomainException("A location needs both latitude and longitude, or neither.");
        }

        if (latitude is < -90 or > 90 || longitude is < -180 or > 180 || latitude is double.NaN || longitude is double.NaN)
        {
            throw new DomainException($"The pin ({latitude}, {longitude}) is not a WGS84 coordinate.");
        }

        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        Latitude = latitude;
        Longitude = longitude;
        Area = string.IsNullOrWhiteSpace(area) ? null : area.Trim();
    }

    public string? Address { get; }

    public double? Latitude { get; }

    public double? Longitude { get; }

    /// <summary>The area (ward, district) the point is in, by the city's map; null without a point or areas.</summary>
    public string? Area { get; }

    public bool HasPin => Latitude.HasValue;
}
