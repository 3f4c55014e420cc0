using ChannelBot.Application.Photos;
using ChannelBot.Web.Open311;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The Open311 GeoReport v2 server at /open311/v2 (with mySociety's servicerequestupdates), JSON and XML.</summary>
public static class Open311Registration
{
    public const string Base = "/open311/v2";

    public static IHostApplicationBuilder AddOpen311Server(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<Open311Options>().BindConfiguration(Open311Options.Section)
            .Validate(o => o.ApiKeys.All(k => string.IsNullOrEmpty(k.Key) || (!string.IsNullOrEmpty(k.Name) && k.Key.Length >= 32)), "Open311:ApiKeys: each key needs a name and at least 32 characters (an empty key is not used).")
            .Validate(o => o.SameRequestWindow >= TimeSpan.Zero && o.SameRequestWindow <= SameRequest.MaxWindow, $"Open311:SameRequestWindow must be from 00:00:00 (off) to {SameRequest.MaxWindow}.")
            .Validate(o => o.MediaHosts.TrueForAll(h => !string.IsNullOrWhiteSpace(h) && h.Trim() != "*"), "Open311:MediaHosts lists host names (exact, or *.suffix); '*' (any host) is not allowed for media posted by other systems.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IChannelMediaAccess, Open311MediaAccess>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOpen311Server(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var v2 = endpoints.MapGroup(Base).WithTags("Open311").ExcludeFromDescription();
        v2.MapGet("/discovery.{format}", ServiceEndpoints.DiscoveryAsync);
        v2.MapGet("/services.{format}", ServiceEndpoints.ServicesAsync);
        v2.MapGet("/services/{code}.{format}", ServiceEndpoints.DefinitionAsync);
        v2.MapGet("/requests.{format}", RequestEndpoints.ListAsync);
        v2.MapPost("/requests.{format}", PostRequestEndpoint.PostAsync).DisableAntiforgery();
        v2.MapGet("/requests/{id}.{format}", RequestEndpoints.OneAsync);
        v2.MapGet("/tokens/{token}.{format}", RequestEndpoints.TokenAsync);
        v2.MapGet("/servicerequestupdates.{format}", UpdateEndpoints.ListAsync);
        v2.MapPost("/servicerequestupdates.{format}", UpdateEndpoints.PostAsync).DisableAntiforgery();
        return endpoints;
    }
}
