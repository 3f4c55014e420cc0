using ChannelBot.Domain.Common;

namespace ChannelBot.Domain.Cases;

/// <summary>Where the problem is: an address as the resident wrote it, a WGS84 pin, or both.</summary>
public sealed record CaseLocation
{
    public CaseLocation(string? address, double? latitude, double? longitude)
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
    }

    public string? Address { get; }

    public double? Latitude { get; }

    public double? Longitude { get; }

    public bool HasPin => Latitude.HasValue;
}
