namespace ChannelBot.Domain.Cases;

/// <summary>The two statuses Open311 GeoReport v2 knows.</summary>
public enum Open311Status
{
    Open,
    Closed,
}
