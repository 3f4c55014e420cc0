using System.Diagnostics.CodeAnalysis;

namespace ChannelBot.Dialogs.Definitions;

/// <summary>
/// The one way to turn <see cref="CityProfile.TimeZone"/> into a <see cref="TimeZoneInfo"/>. A name the machine does
/// not know is a load error (<c>dialogs/city.yaml</c> refused with the file and value), never a silent fall back to
/// UTC that would move the quiet hours and every date the bot says.
/// </summary>
public static class CityTimeZoneLookup
{
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>The zone of a profile that passed the loader's checks.</summary>
    public static TimeZoneInfo Of(CityProfile city) =>
        TryFind(city.TimeZone, out var zone)
            ? zone
            : throw new InvalidOperationException($"dialogs/city.yaml: timeZone '{city.TimeZone}' is not a time zone this machine knows.");
}
