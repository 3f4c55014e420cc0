using System.Globalization;
using ChannelBot.Application.Dialogs;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.State;
using ChannelBot.Domain.Cases;
using ChannelBot.Geo;
using ChannelBot.Geo.Data;
using ChannelBot.Geo.Resolution;
using ChannelBot.Infrastructure.Cases;
using ChannelBot.Infrastructure.Open311;
using ChannelBot.Schema;
using ChannelBot.Web.Intake;
using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Open311;

/// <summary>
/// POST requests: a city app, FixMyStreet or a call taker's system files a case. The same pipeline as a resident's
/// intake: the catalog's questions checked, the place found on the city's map (a point outside the city is refused),
/// routing by area, an open case of the same service nearby followed instead of a second one, and updates to the
/// email or phone given, a media_url copied in as the case's photo. Filed at once: the answer carries the
/// service_request_id, the same one when the report is sent again (<see cref="SameRequest"/>).
/// </summary>
internal static class PostRequestEndpoint
{
    public const string ChannelId = "open311";

    public const int MaxDescription = 4000;

    /// <summary>A posted media_url longer than this is refused: it is kept as the photo's source.</summary>
    public const int MaxMediaUrl = 2048;

    /// <summary>What a photo posted by URL is until its bytes are read (the fetch decides the type from them).</summary>
    private const string MediaUnknownType = "application/octet-stream";

    public static async Task<IResult> PostAsync(
        HttpContext context, string format, IOptions<Open311Options> options, IDialogEngineSource dialogs, CityGeography geography, ExternalCaseFiler filer, CaseReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (call, error) = await Open311Call.StartAsync(context, format, options.Value, post: true);
        if (call is null)
        {
            return error!;
        }

        var key = IntakeIdempotency.KeyOf(context.Request);
        if (key is not null && !IntakeIdempotency.IsWellFormed(key))
        {
            return Open311Errors.BadRequest(call.Format, $"The {IntakeIdempotency.Header} header must be {IntakeIdempotency.KeyRule}: new for each report, the same when it is sent again.");
        }

        var definitions = dialogs.Current.Definitions;
        var code = call.Field("service_code");
        if (string.IsNullOrWhiteSpace(code))
        {
            return Open311Errors.BadRequest(call.Format, "service_code is required.");
        }

        if (definitions.Catalog.Find(code.Trim()) is not { } service)
        {
            return Open311Errors.NotFound(call.Format, $"Unknown service_code '{Open311Call.Cut(code)}'.");
        }

        var (location, placeError) = Place(call, geography);
        if (placeError is not null)
        {
            return Open311Errors.BadRequest(call.Format, placeError);
        }

        var (attributes, attributeError) = Attributes(call, service, definitions.DefaultLanguage);
        if (attributeError is not null)
        {
            return Open311Errors.BadRequest(call.Format, attributeError);
        }

        var description = call.Field("description")?.Trim();
        if (description is { Length: > MaxDescription })
        {
            return Open311Errors.BadRequest(call.Format, $"description has at most {MaxDescription} characters.");
        }

        var (photos, mediaError) = Media(call);
        if (mediaError is not null)
        {
            return Open311Errors.BadRequest(call.Format, mediaError);
        }

        var email = Contact(call.Field("email"), 254) is { } e ? ChannelBot.Dialogs.Recognizers.ContactRecognizer.FindEmail(e) : null;
        var phone = Contact(call.Field("phone"), 32) is { } p ? ChannelBot.Dialogs.Recognizers.ContactRecognizer.FindPhoneE164(p) : null;
        var name = string.Join(' ', new[] { call.Field("first_name"), call.Field("last_name") }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        var now = clock.GetUtcNow();
        var caller = call.Caller!.Name;
        var report = new IntakeSubmission(
            service.Code,
            service.Name.Get(definitions.DefaultLanguage),
            service.Department,
            attributes,
            location!,
            string.IsNullOrEmpty(description) ? null : description,
            photos,
            name.Length == 0 ? null : name[..Math.Min(name.Length, 100)],
            phone,
            email,
            email is not null || phone is not null,
            definitions.DefaultLanguage,
            ChannelId,
            caller,
            new ConversationReference(),
            service.Sla.Days,
            service.Sla.Type == SlaDayType.Business,
            now,
            email is not null ? "email" : phone is not null ? "sms" : null,
            DescriptionPublic: false);

        // A retry of a report already filed (its key, or the same report shortly after): its case, whatever the
        // duplicate check would say now (it would find that very case nearby).
        var same = SameRequest.For(caller, key, report, options.Value.SameRequestWindow, now);
        if (await filer.FiledFromAsync(ChannelId, same.ConversationId, same.FiledSince, cancellationToken) is { } earlier)
        {
            return await AnswerAsync(call, earlier, definitions, reader, cancellationToken);
        }

        var follow = location!.Latitude is { } lat && location.Longitude is { } lon && service.Duplicates.RadiusMetres > 0
            ? (await filer.NearbyAsync(new FindNearbyCases(service.Code, lat, lon, service.Duplicates.RadiusMetres, now - TimeSpan.FromDays(service.Duplicates.Days)), cancellationToken)).FirstOrDefault()
            : null;
        var submission = report with
        {
            ConversationReference = new ConversationReference { ChannelId = ChannelId, Conversation = new ConversationAccount { Id = same.ConversationId }, User = new ChannelAccount { Id = caller } },
            Follow = follow?.Ticket,
        };
        var (ticket, _) = await filer.FileOnceAsync(submission, same.FiledSince, cancellationToken);
        return await AnswerAsync(call, ticket, definitions, reader, cancellationToken);
    }

    /// <summary>The service_request_id, and the service's notice or the case it follows: the same answer however often the report is sent.</summary>
    private static async Task<IResult> AnswerAsync(Open311Call call, string ticket, DialogDefinitions definitions, CaseReader reader, CancellationToken cancellationToken)
    {
        var filed = await reader.GetAsync(TicketNumber.Parse(ticket), cancellationToken);
        var notice = filed?.DuplicateOf is { } original
            ? $"Filed as a duplicate of {original}, open nearby; updates follow that request."
            : (filed is null ? null : definitions.Catalog.Find(filed.ServiceCode))?.Notice.Get(definitions.DefaultLanguage) ?? string.Empty;
        var answer = new Open311Item()
            .Add("service_request_id", ticket)
            .Add("service_notice", notice);
        if (call.Field("account_id") is { Length: > 0 } account)
        {
            answer.Add("account_id", Open311Call.Cut(account));
        }

        return Open311Writer.Result(Open311Document.List("service_requests", "request", [answer]), call.Format);
    }

    /// <summary>
    /// media_url: a photo the client hosts, attached to the case to be copied in by the photo collector (from the hosts
    /// <see cref="Open311Options.MediaHosts"/> lists, else refused there and shown to staff as not kept). Only a value
    /// that is not an http(s) URL is an error here: whether it can be fetched never decides whether the case is filed.
    /// </summary>
    private static (IReadOnlyList<PhotoAnswer> Photos, string? Error) Media(Open311Call call)
    {
        var given = call.Field("media_url")?.Trim();
        if (string.IsNullOrEmpty(given))
        {
            return ([], null);
        }

        return given.Length <= MaxMediaUrl && Uri.TryCreate(given, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? ([new PhotoAnswer(url.AbsoluteUri, MediaUnknownType, null)], null)
            : ([], $"media_url must be an http or https URL of at most {MaxMediaUrl} characters.");
    }

    /// <summary>Where: lat and long (both), or address_string found on the city's map (kept as written when it is not), or address_id.</summary>
    private static (LocationAnswer? Location, string? Error) Place(Open311Call call, CityGeography geography)
    {
        var latText = call.Field("lat");
        var longText = call.Field("long");
        var address = call.Field("address_string")?.Trim();
        var addressId = call.Field("address_id")?.Trim();
        if (!string.IsNullOrWhiteSpace(latText) || !string.IsNullOrWhiteSpace(longText))
        {
            if (!double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || !double.TryParse(longText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || lat is < -90 or > 90 || lon is < -180 or > 180 || double.IsNaN(lat) || double.IsNaN(lon))
            {
                return (null, "lat and long must both be given, as WGS84 degrees.");
            }

            var described = geography.Describe(new GeoPosition(lat, lon));
            if (described.Outcome == LocationOutcome.Outside)
            {
                return (null, $"({lat}, {lon}) is outside the city{(described.Neighbour is { } n ? $": {n.Name}, {n.Contact.Phone}" : string.Empty)}.");
            }

            var label = string.IsNullOrWhiteSpace(address) ? described.Best?.Label : address;
            return (new LocationAnswer(Cut(label is { Length: > 0 } ? label : null, 300), lat, lon, described.Best?.Area), null);
        }

        if (!string.IsNullOrWhiteSpace(address))
        {
            var resolved = geography.Resolve(address);
            return resolved.Outcome switch
            {
                LocationOutcome.Found => (new LocationAnswer(resolved.Best!.Label, resolved.Best.Position.Latitude, resolved.Best.Position.Longitude, resolved.Best.Area), null),
                LocationOutcome.Outside => (null, $"'{Open311Call.Cut(address)}' is outside the city{(resolved.Neighbour is { } n ? $": {n.Name}, {n.Contact.Phone}" : string.Empty)}."),
                _ => (new LocationAnswer(Cut(address, 300), null, null), null),
            };
        }

        return string.IsNullOrWhiteSpace(addressId)
            ? (null, "A location is required: lat and long, address_string or address_id.")
            : (new LocationAnswer(Cut("address id " + addressId, 300), null, null), null);
    }

    /// <summary>attribute[CODE]=value, attribute[CODE][]=v1&amp;attribute[CODE][]=v2: checked against the catalog's questions.</summary>
    private static (IReadOnlyList<SubmittedAttribute> Attributes, string? Error) Attributes(Open311Call call, ServiceDefinition service, string language)
    {
        var result = new List<SubmittedAttribute>();
        foreach (var attribute in service.Attributes.OrderBy(a => a.Order))
        {
            var values = new List<string>();
            foreach (var key in new[] { $"attribute[{attribute.Code}]", $"attribute[{attribute.Code}][]" })
            {
                if (call.Form!.TryGetValue(key, out var given))
                {
                    values.AddRange(given.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()));
                }
            }

            if (values.Count == 0)
            {
                if (attribute.Required)
                {
                    return ([], $"attribute[{attribute.Code}] is required.");
                }

                continue;
            }

            if (values.Count > 1 && attribute.Datatype != AttributeDatatype.Multivaluelist)
            {
                return ([], $"attribute[{attribute.Code}] takes one value.");
            }

            if (attribute.Values.Count > 0 && values.FirstOrDefault(v => attribute.Values.All(o => o.Key != v)) is { } unknown)
            {
                return ([], $"'{Open311Call.Cut(unknown)}' is not a value of attribute[{attribute.Code}]: use {string.Join(", ", attribute.Values.Select(v => v.Key))}.");
            }

            if (attribute.Datatype == AttributeDatatype.Number && !double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return ([], $"attribute[{attribute.Code}] is a number.");
            }

            if (values.Any(v => v.Length > 1000))
            {
                return ([], $"attribute[{attribute.Code}] is too long.");
            }

            var display = attribute.Values.Count > 0
                ? string.Join(", ", values.Select(v => attribute.Values.First(o => o.Key == v).Name.Get(language)))
                : values[0];
            result.Add(new SubmittedAttribute(attribute.Code, values, display));
        }

        return (result, null);
    }

    private static string? Contact(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var v && v.Length <= max ? v : null;

    private static string? Cut(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}
