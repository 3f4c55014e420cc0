using System.Globalization;
using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// What an answer to one of a service's questions must be, whoever gives it: a value of the list (one, or several for a
/// multi-value list), a number within the question's bounds, a date and time, or text no longer than the question
/// allows. The dialog checks an intake's answers with it when its files change (<c>DraftRevalidator</c>), and a call
/// taker's form is checked with it before a case is filed, so both accept the same answers.
/// </summary>
public static class AttributeAnswers
{
    /// <summary>The stored form of a date and time answer (the city's offset, no fractions of a second).</summary>
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>The longest answer to a string question without its own <see cref="ServiceAttribute.MaxLength"/>.</summary>
    public const int DefaultStringLength = 200;

    /// <summary>The longest answer <paramref name="attribute"/> takes (the same limit the dialog reads a typed answer with).</summary>
    public static int MaxLengthOf(ServiceAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return attribute.MaxLength ?? (attribute.Datatype == AttributeDatatype.Text ? MessageText.MaxLength : DefaultStringLength);
    }

    /// <summary>Whether stored <paramref name="values"/> answer <paramref name="attribute"/>.</summary>
    public static bool Fits(ServiceAttribute attribute, IReadOnlyList<string> values) => Problem(attribute, values) is null;

    /// <summary>What is wrong with <paramref name="values"/> as an answer to <paramref name="attribute"/>, in words for the person who gave it; null when nothing is.</summary>
    public static string? Problem(ServiceAttribute attribute, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return "An answer is required.";
        }

        switch (attribute.Datatype)
        {
            case AttributeDatatype.Singlevaluelist or AttributeDatatype.Multivaluelist:
                if (values.Count > 1 && attribute.Datatype == AttributeDatatype.Singlevaluelist)
                {
                    return "Choose one value.";
                }

                return values.FirstOrDefault(v => attribute.Values.All(o => o.Key != v)) is { } unknown
                    ? $"'{Cut(unknown)}' is not one of the choices: {string.Join(", ", attribute.Values.Select(v => v.Key))}."
                    : null;
            case AttributeDatatype.Number:
                if (values.Count != 1 || !double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    return "Give a number.";
                }

                return (attribute.Min is { } min && number < min) || (attribute.Max is { } max && number > max)
                    ? $"Give a number from {Bound(attribute.Min, "any")} to {Bound(attribute.Max, "any")}."
                    : null;
            case AttributeDatatype.Datetime:
                return values.Count == 1 && DateTimeOffset.TryParse(values[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null
                    : "Give a date and time.";
            default:
                if (values.Count != 1)
                {
                    return "Give one answer.";
                }

                return values[0].Length > MaxLengthOf(attribute) ? $"At most {MaxLengthOf(attribute)} characters." : null;
        }
    }

    /// <summary>
    /// A date and time as a form sends it (ISO 8601, with or without an offset): without one it is the city's local
    /// time. Returns the stored form (<see cref="DateTimeFormat"/>), or null when it is not a date and time.
    /// </summary>
    public static string? DateTimeInCity(string value, TimeZoneInfo cityTimeZone)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(cityTimeZone);
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return null;
        }

        var instant = parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(parsed, cityTimeZone.GetUtcOffset(parsed))
            : TimeZoneInfo.ConvertTime(new DateTimeOffset(parsed.ToUniversalTime(), TimeSpan.Zero), cityTimeZone);
        return instant.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
    }

    private static string Bound(double? value, string none) => value?.ToString(CultureInfo.InvariantCulture) ?? none;

    private static string Cut(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
