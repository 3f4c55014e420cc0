using ChannelBot.Channels.Meta;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps the Meta channel's webhook. In ASP.NET's own namespace for <c>Map…</c> extensions, so the composition
/// root needs no extra <c>using</c>.
/// </summary>
public static class MetaEndpoints
{
    /// <summary>
    /// Maps <c>GET /api/meta/webhook</c> (the subscription handshake, no signature) and
    /// <c>POST /api/meta/webhook</c> (signed events). Needs <c>AddMetaChannel</c> and an
    /// <see cref="ChannelBot.Application.Conversations.IInboundActivitySink"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapMeta(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints
            .MapGet(MetaRoutes.WebhookPath, static (HttpContext context) =>
                context.RequestServices.GetRequiredService<MetaSubscriptionHandshake>().VerifyAsync(context))
            .WithDisplayName("Meta webhook verification: GET /api/meta/webhook");
        return endpoints
            .MapPost(MetaRoutes.WebhookPath, static (HttpContext context) =>
                context.RequestServices.GetRequiredService<MetaRequestHandler>().HandleAsync(context))
            .WithDisplayName("Meta webhook events: POST /api/meta/webhook");
    }
}
