using ChannelBot.Geo.Data;

namespace ChannelBot.Geo.Resolution;

/// <summary>How places read back to residents, in one place.</summary>
internal static class Labels
{
    public static string Address(string numberText, Street street) => $"{numberText} {street.Label}";

    public static string Intersection(Street a, Street b) => $"{a.Label} & {b.Label}";
}
