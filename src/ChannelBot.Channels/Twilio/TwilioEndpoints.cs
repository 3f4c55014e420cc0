using ChannelBot.Channels.Twilio;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps the Twilio channel's webhooks. In ASP.NET's own namespace for <c>Map…</c> extensions, so the
/// composition root needs no extra <c>using</c>.
/// </summary>
public static class TwilioEndpoints
{
    /// <summary>
    /// Maps <c>POST /api/twilio/messages</c> (inbound SMS, MMS and WhatsApp) and <c>POST /api/twilio/status</c>
    /// (delivery status callbacks). Needs <c>AddTwilioChannel</c> and
    /// an <see cref="ChannelBot.Application.Conversations.IInboundActivitySink"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapTwilio(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints
            .MapPost(TwilioRoutes.StatusPath, static (HttpContext context) =>
                context.RequestServices.GetRequiredService<TwilioStatusWebhook>().HandleAsync(context))
            .WithDisplayName("Twilio status callbacks: POST /api/twilio/status");
        return endpoints
            .MapPost(TwilioRoutes.MessagesPath, static (HttpContext context) =>
                context.RequestServices.GetRequiredService<TwilioMessageWebhook>().HandleAsync(context))
            .WithDisplayName("Twilio inbound messages: POST /api/twilio/messages");
    }
}
