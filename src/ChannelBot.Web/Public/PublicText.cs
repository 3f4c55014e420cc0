using System.Globalization;
using System.Resources;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Cases;

namespace ChannelBot.Web.Public;

/// <summary>
/// Everything the public pages say, in one language: their own sentences (PublicStrings.resx, PublicStrings.es.resx),
/// and from the dialog files what residents already read from the bot: the city's name, the services' names and the
/// statuses in words (<c>status.*</c> of dialogs/strings), dates in the city's time zone, places at block level.
/// </summary>
public sealed class PublicText
{
    private static readonly ResourceManager Strings = new("ChannelBot.Web.Public.PublicStrings", typeof(PublicText).Assembly);

    private readonly DialogDefinitions _definitions;
    private readonly CultureInfo _resources;
    private readonly TimeZoneInfo _cityTime;

    public PublicText(DialogDefinitions definitions, string language)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        _definitions = definitions;
        Language = language;
        _resources = CultureInfo.GetCultureInfo(language);
        Culture = CultureInfo.GetCultureInfo(this["Culture"]);
        _cityTime = TimeZoneInfo.TryFindSystemTimeZoneById(definitions.City.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public string Language { get; }

    /// <summary>How numbers and dates are written on the page.</summary>
    public CultureInfo Culture { get; }

    public string CityName => _definitions.City.Name.Get(Language, _definitions.DefaultLanguage);

    /// <summary>The page's own sentence named <paramref name="key"/> (the key itself if a translation forgot it, never an exception).</summary>
    public string this[string key] => Strings.GetString(key, _resources) ?? key;

    public string Format(string key, params object[] values) => string.Format(Culture, this[key], values);

    /// <summary>The status as the bot tells it (<c>status.in_progress</c>: "being worked on"), starting with a capital.</summary>
    public string Status(CaseStatus status)
    {
        var key = "status." + status.ToCode();
        var text = _definitions.Strings.TryGetValue(Language, out var table) && table.TryGetValue(key, out var found) ? found.Text
            : _definitions.Strings.TryGetValue(_definitions.DefaultLanguage, out var fallback) && fallback.TryGetValue(key, out var other) ? other.Text
            : status.ToCode().Replace('_', ' ');
        return text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];
    }

    /// <summary>The service's catalog name in this language; the name it was filed under when the catalog no longer has it.</summary>
    public string Service(string code, string filedName) =>
        _definitions.Catalog.Find(code) is { } service ? service.Name.Get(Language, _definitions.DefaultLanguage) : filedName;

    /// <summary>"the 1200 block of N Main St", or the intersection or place as it is; null when the place is not public.</summary>
    public string? Place(PublicLocation? location) =>
        location is null ? null
        : location.Block is { } block ? Format("Block", block.ToString(CultureInfo.InvariantCulture), location.Text)
        : location.Text;

    /// <summary>The day in the city's time zone.</summary>
    public string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _cityTime).ToString(this["DateFormat"], Culture);

    /// <summary>The day and time in the city's time zone.</summary>
    public string DateTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _cityTime).ToString(this["DateTimeFormat"], Culture);

    public string Number(int value) => value.ToString("N0", Culture);
}
