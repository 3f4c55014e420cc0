using System.Globalization;
using ChannelBot.Application.Notifications;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.State;
using ChannelBot.Domain.Cases;
using ChannelBot.Domain.Common;
using ChannelBot.Geo;
using ChannelBot.Geo.Data;
using ChannelBot.Infrastructure.Cases;

namespace ChannelBot.Web.Staff;

/// <summary>
/// Checks a call taker's report as the dialog checks a resident's: the service from the catalog, every required
/// question answered and every answer one the question takes (<see cref="AttributeAnswers"/>), the place on the city's
/// map and inside it (<see cref="StaffPlacing"/>, as staff place a case), the phone and email read by the dialog's own
/// recognizer, and updates only by a way the caller gave an address for and agreed to. Every problem is named by
/// the field it belongs to, for a 400 the form shows beside each field.
/// </summary>
internal static class PhoneIntakeForm
{
    public const string Phone = "phone";

    public const string WalkIn = "walk-in";

    public const string NoUpdates = "none";

    public const int MaxName = 100;

    /// <summary>The report as checked, or the problems by field (camelCase, a question as <c>answers.CODE</c>).</summary>
    public static (PhoneIntake? Intake, Dictionary<string, string[]> Errors) Check(PhoneIntakeDto form, DialogDefinitions definitions, TimeZoneInfo cityTimeZone, CityGeography geography)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        var service = definitions.Catalog.Find(form.ServiceCode?.Trim());
        if (service is null)
        {
            Fail("serviceCode", string.IsNullOrWhiteSpace(form.ServiceCode) ? "Choose the kind of problem." : $"'{Cut(form.ServiceCode)}' is not a service of the catalog.");
        }

        var language = string.IsNullOrWhiteSpace(form.Language) ? definitions.DefaultLanguage : form.Language.Trim();
        if (!definitions.Languages.Contains(language))
        {
            Fail("language", $"Updates can be in {string.Join(", ", definitions.Languages)}.");
            language = definitions.DefaultLanguage;
        }

        var channel = string.IsNullOrWhiteSpace(form.Channel) ? Phone : form.Channel.Trim();
        if (channel is not (Phone or WalkIn))
        {
            Fail("channel", $"The report came by {Phone} or {WalkIn}.");
        }

        var description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        if (description is { Length: > Case.MaxDescriptionLength })
        {
            Fail("description", $"At most {Case.MaxDescriptionLength} characters.");
        }

        var attributes = service is null ? [] : Answers(service, form.Answers, language, cityTimeZone, Fail);
        var location = Place(form, geography, Fail);
        var (name, phone, email) = Caller(form, Fail);
        var updatesBy = (form.UpdatesBy ?? string.Empty).Trim().ToLowerInvariant();
        switch (updatesBy)
        {
            case NotificationChannels.Sms when string.IsNullOrWhiteSpace(form.CallerPhone):
                Fail("callerPhone", "Give the caller's mobile number to send updates by SMS.");
                break;
            case NotificationChannels.Email when string.IsNullOrWhiteSpace(form.CallerEmail):
                Fail("callerEmail", "Give the caller's email address to send updates by email.");
                break;
            case NotificationChannels.Sms or NotificationChannels.Email when !form.ConsentGiven:
                Fail("consentGiven", "Ask the caller whether they agree to be sent updates, and tick the box when they do.");
                break;
            case NotificationChannels.Sms or NotificationChannels.Email or NoUpdates:
                break;
            default:
                Fail("updatesBy", "Choose how the caller hears back: sms, email or none.");
                break;
        }

        if (form.FollowTicket is { Length: > 0 } follow && !TicketNumber.TryParse(follow.Trim(), out _))
        {
            Fail("followTicket", $"'{Cut(follow)}' is not a ticket number like 311-2026-000123.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var wantsUpdates = updatesBy != NoUpdates;
        return (new PhoneIntake(service!, language, channel, description, attributes, location!, name, phone, email, wantsUpdates ? updatesBy : null), errors);
    }

    private static List<SubmittedAttribute> Answers(ServiceDefinition service, IReadOnlyDictionary<string, string[]>? given, string language, TimeZoneInfo cityTimeZone, Action<string, string> fail)
    {
        var answers = new List<SubmittedAttribute>();
        given ??= new Dictionary<string, string[]>();
        foreach (var code in given.Keys.Where(k => service.Attributes.All(a => a.Code != k)))
        {
            fail($"answers.{Cut(code)}", $"{service.Code} has no question '{Cut(code)}'.");
        }

        foreach (var attribute in service.Attributes.OrderBy(a => a.Order))
        {
            var values = (given.TryGetValue(attribute.Code, out var raw) ? raw ?? [] : [])
                .Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
            if (values.Count == 0)
            {
                if (attribute.Required)
                {
                    fail($"answers.{attribute.Code}", "An answer is required.");
                }

                continue;
            }

            if (attribute.Datatype == AttributeDatatype.Datetime && values.Count == 1 && AttributeAnswers.DateTimeInCity(values[0], cityTimeZone) is { } instant)
            {
                values[0] = instant;
            }

            if (AttributeAnswers.Problem(attribute, values) is { } problem)
            {
                fail($"answers.{attribute.Code}", problem);
                continue;
            }

            answers.Add(new SubmittedAttribute(attribute.Code, values, Display(attribute, values, language)));
        }

        return answers;
    }

    private static string Display(ServiceAttribute attribute, List<string> values, string language) => attribute.Datatype switch
    {
        AttributeDatatype.Singlevaluelist or AttributeDatatype.Multivaluelist =>
            string.Join(", ", values.Select(v => attribute.Values.First(o => o.Key == v).Name.Get(language))),
        AttributeDatatype.Datetime => DateTimeOffset.Parse(values[0], CultureInfo.InvariantCulture).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => values[0],
    };

    private static LocationAnswer? Place(PhoneIntakeDto form, CityGeography geography, Action<string, string> fail)
    {
        var typed = string.IsNullOrWhiteSpace(form.Address) ? null : form.Address.Trim();
        if (typed is { Length: > 300 })
        {
            fail("address", "An address has at most 300 characters.");
            return null;
        }

        if (form.Latitude.HasValue != form.Longitude.HasValue
            || form.Latitude is < -90 or > 90 or double.NaN || form.Longitude is < -180 or > 180 or double.NaN)
        {
            fail("latitude", "A point needs both latitude (-90 to 90) and longitude (-180 to 180).");
            return null;
        }

        var point = form.Latitude is { } lat && form.Longitude is { } lon ? new GeoPosition(lat, lon) : (GeoPosition?)null;
        try
        {
            var placed = StaffPlacing.Locate(geography, typed, point);
            return new LocationAnswer(placed.Address, placed.Latitude, placed.Longitude, placed.Area);
        }
        catch (DomainException refused)
        {
            fail("address", refused.Message);
            return null;
        }
    }

    private static (string? Name, string? Phone, string? Email) Caller(PhoneIntakeDto form, Action<string, string> fail)
    {
        var name = string.IsNullOrWhiteSpace(form.CallerName) ? null : form.CallerName.Trim();
        if (name is { Length: > MaxName })
        {
            fail("callerName", $"At most {MaxName} characters.");
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(form.CallerPhone))
        {
            phone = form.CallerPhone.Length <= 32 ? ContactRecognizer.FindPhoneE164(form.CallerPhone.Trim()) : null;
            if (phone is null)
            {
                fail("callerPhone", $"'{Cut(form.CallerPhone)}' is not a phone number.");
            }
        }

        string? email = null;
        if (!string.IsNullOrWhiteSpace(form.CallerEmail))
        {
            email = form.CallerEmail.Length <= 254 ? ContactRecognizer.FindEmail(form.CallerEmail.Trim()) : null;
            if (email is null)
            {
                fail("callerEmail", $"'{Cut(form.CallerEmail)}' is not an email address.");
            }
        }

        return (name, phone, email);
    }

    private static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
