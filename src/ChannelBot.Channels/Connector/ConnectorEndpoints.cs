using ChannelBot.Channels.Connector;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps the Bot Framework Connector endpoint, <c>/api/messages</c>. In ASP.NET's own namespace for
/// <c>Map…</c> extensions, so the composition root needs no extra <c>using</c>.
/// </summary>
public static class ConnectorEndpoints
{
    /// <summary>
    /// Maps <c>/api/messages</c> for every method, so that anything but POST gets the protocol's 405 (with
    /// <c>Allow: POST</c>) instead of a routing miss. Needs <c>AddConnectorChannel</c> and an
    /// <see cref="ChannelBot.Application.Conversations.IInboundActivitySink"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapConnector(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints
            .Map(ConnectorRoutes.MessagesPath, static (HttpContext context) =>
                context.RequestServices.GetRequiredService<ConnectorRequestHandler>().HandleAsync(context))
            .WithDisplayName("Bot Framework Connector: POST /api/messages");
    }
}
