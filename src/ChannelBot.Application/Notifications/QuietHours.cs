namespace ChannelBot.Application.Notifications;

/// <summary>
/// The hours of the night when residents are not sent news that can wait (default 21:00–08:00 in the city's
/// time zone). A span that wraps past midnight is fine; equal start and end means no quiet hours.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static QuietHours Default { get; } = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    public static QuietHours None { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue);

    /// <summary>When a message written at <paramref name="now"/> may go: now, or the end of tonight's quiet hours.</summary>
    public DateTimeOffset SendAt(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Start == End)
        {
            return now;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = Start < End ? time >= Start && time < End : time >= Start || time < End;
        if (!quiet)
        {
            return now;
        }

        // The end of the quiet hours today or, when they started before midnight, tomorrow.
        var day = DateOnly.FromDateTime(local.DateTime);
        if (Start > End && time >= Start)
        {
            day = day.AddDays(1);
        }

        var endLocal = day.ToDateTime(End);
        while (zone.IsInvalidTime(endLocal))
        {
            endLocal = endLocal.AddMinutes(30);   // the clocks jumped over it: the first valid moment after
        }

        var offset = zone.IsAmbiguousTime(endLocal) ? zone.GetAmbiguousTimeOffsets(endLocal).Max() : zone.GetUtcOffset(endLocal);
        return new DateTimeOffset(endLocal, offset).ToUniversalTime();
    }
}
