using System.Globalization;
using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Runtime.Handoff;

/// <summary>
/// The city's staffed hours as a resident reads them: "Mon-Fri 8:00 AM-6:00 PM; Sat 9:00 AM-1:00 PM", "lun-vie
/// 8:00-18:00; sab 9:00-13:00" (plain hyphens and letters: an en dash or an accent would make an SMS Unicode).
/// </summary>
public static class StaffedHoursText
{
    public static string For(IReadOnlyList<StaffedHours> hours, CultureInfo culture) =>
        string.Join("; ", hours.Select(span => Days(span.Days, culture) + " " + Time(span.From, culture) + "-" + Time(span.To, culture)));

    /// <summary>Days in week order; a run of three or more consecutive days is written first-last.</summary>
    private static string Days(IReadOnlyList<string> days, CultureInfo culture)
    {
        var indexes = days.Select(StaffedHours.IndexOf).Where(i => i >= 0).Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < indexes.Count;)
        {
            var j = i;
            while (j + 1 < indexes.Count && indexes[j + 1] == indexes[j] + 1)
            {
                j++;
            }

            parts.Add(j - i >= 2 ? Day(indexes[i], culture) + "-" + Day(indexes[j], culture)
                : string.Join(", ", indexes[i..(j + 1)].Select(d => Day(d, culture))));
            i = j + 1;
        }

        return string.Join(", ", parts);
    }

    /// <summary>The culture's short day name without accents ("sab", not "sáb": one accent makes a whole SMS Unicode).</summary>
    private static string Day(int mondayFirst, CultureInfo culture)
    {
        var name = culture.DateTimeFormat.AbbreviatedDayNames[(mondayFirst + 1) % 7].TrimEnd('.').Normalize(System.Text.NormalizationForm.FormD);
        return new string([.. name.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
    }

    /// <summary>
    /// "8:00 AM" in English, "8:00" (24-hour) elsewhere, with plain spaces: ICU's own short times carry no-break spaces and
    /// "a. m." forms that no SMS alphabet has room for.
    /// </summary>
    private static string Time(string text, CultureInfo culture) =>
        !StaffedHours.TryParseTime(text, out var time) ? text
        : culture.TwoLetterISOLanguageName == "en" ? time.ToString("h:mm tt", CultureInfo.InvariantCulture)
        : time.ToString("H:mm", CultureInfo.InvariantCulture);
}
