using System.Collections.Concurrent;
using ChannelBot.Application.Dialogs;
using ChannelBot.Dialogs.Definitions;
using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Open311;

/// <summary>Discovery, the service list and each service's definition, all from the catalog in dialogs/.</summary>
internal static class ServiceEndpoints
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>When each version of the dialog files was first served: discovery's changeset moves only when the catalog does.</summary>
    private static readonly ConcurrentDictionary<string, DateTimeOffset> Changesets = new(StringComparer.Ordinal);

    public static async Task<IResult> DiscoveryAsync(HttpContext context, string format, IOptions<Open311Options> options, IDialogEngineSource dialogs, TimeProvider clock)
    {
        var (call, error) = await Open311Call.StartAsync(context, format, options.Value, post: false);
        if (call is null)
        {
            return error!;
        }

        var engine = dialogs.Current;
        var changeset = Open311Dates.Format(Changesets.GetOrAdd(engine.Definitions.Version, _ => clock.GetUtcNow()), engine.CityTimeZone);
        var city = engine.Definitions.City;
        var endpoint = new Open311Item()
            .Add("specification", Specification)
            .Add("url", $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/open311/v2")
            .Add("changeset", changeset)
            .Add("type", "production")
            .Add("formats", new Open311List("format", ["text/xml", "application/json"]));
        var discovery = new Open311Item()
            .Add("changeset", changeset)
            .Add("contact", options.Value.Contact ?? $"{city.Name.Get(engine.Definitions.DefaultLanguage)} 311: {city.Phone}{(city.Website is { } site ? ", " + site : string.Empty)}")
            .Add("key_service", options.Value.KeyService ?? $"Ask {city.Name.Get(engine.Definitions.DefaultLanguage)} 311 for an API key: {city.Phone}")
            .Add("endpoints", new Open311List("endpoint", [endpoint]));
        return Open311Writer.Result(Open311Document.Single("discovery", discovery), call.Format);
    }

    public static async Task<IResult> ServicesAsync(HttpContext context, string format, IOptions<Open311Options> options, IDialogEngineSource dialogs)
    {
        var (call, error) = await Open311Call.StartAsync(context, format, options.Value, post: false);
        if (call is null)
        {
            return error!;
        }

        var definitions = dialogs.Current.Definitions;
        var language = definitions.DefaultLanguage;
        var services = definitions.Catalog.Services.Select(s => new Open311Item()
            .Add("service_code", s.Code)
            .Add("service_name", s.Name.Get(language))
            .Add("description", s.Description.Get(language))
            .Add("metadata", s.Attributes.Count > 0)
            .Add("type", "realtime")
            .Add("keywords", string.Join(",", s.Keywords.For(language)))
            .Add("group", definitions.Catalog.Groups.FirstOrDefault(g => g.Key == s.Group)?.Name.Get(language) ?? s.Group));
        return Open311Writer.Result(Open311Document.List("services", "service", services), call.Format);
    }

    public static async Task<IResult> DefinitionAsync(HttpContext context, string code, string format, IOptions<Open311Options> options, IDialogEngineSource dialogs)
    {
        var (call, error) = await Open311Call.StartAsync(context, format, options.Value, post: false);
        if (call is null)
        {
            return error!;
        }

        var definitions = dialogs.Current.Definitions;
        if (definitions.Catalog.Find(code) is not { } service)
        {
            return Open311Errors.NotFound(call.Format, $"Unknown service_code '{Open311Call.Cut(code)}'.");
        }

        var language = definitions.DefaultLanguage;
        var attributes = service.Attributes.OrderBy(a => a.Order).Select(a => (object)new Open311Item()
            .Add("variable", true)
            .Add("code", a.Code)
            .Add("datatype", a.Datatype.ToString().ToLowerInvariant())
            .Add("required", a.Required)
            .Add("datatype_description", a.Hint?.Get(language) ?? DatatypeDescription(a))
            .Add("order", a.Order)
            .Add("description", a.Description.Get(language))
            .Add("values", new Open311List("value", [.. a.Values.Select(v => (object)new Open311Item().Add("key", v.Key).Add("name", v.Name.Get(language)))])));
        var definition = new Open311Item()
            .Add("service_code", service.Code)
            .Add("attributes", new Open311List("attribute", [.. attributes]));
        return Open311Writer.Result(Open311Document.Single("service_definition", definition), call.Format);
    }

    private static string DatatypeDescription(ServiceAttribute attribute) => attribute.Datatype switch
    {
        AttributeDatatype.Number => attribute.Min is { } min && attribute.Max is { } max ? $"A number from {min} to {max}." : "A number.",
        AttributeDatatype.Datetime => "A date and time in ISO 8601 with a time zone, e.g. 2026-12-07T09:30:00-05:00.",
        AttributeDatatype.Singlevaluelist => "One of the keys below.",
        AttributeDatatype.Multivaluelist => "One or more of the keys below (attribute[CODE][]=key for each).",
        _ => attribute.MaxLength is { } length ? $"Text, at most {length} characters." : "Text.",
    };
}
