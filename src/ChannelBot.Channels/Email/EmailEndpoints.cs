using ChannelBot.Channels.Email;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The email channel's public endpoints: the unsubscribe link every email carries.</summary>
public static class EmailEndpoints
{
    /// <summary><c>GET /email/unsubscribe?token=…</c> (the page) and <c>POST</c> (the opt-out: the page's button, a mail program's one click).</summary>
    public static IEndpointRouteBuilder MapEmail(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(EmailUnsubscribeLink.Path, static (HttpContext http, EmailUnsubscribeHandler handler) => handler.Ask(http))
            .WithDisplayName("Email unsubscribe page: GET /email/unsubscribe")
            .ExcludeFromDescription();
        endpoints.MapPost(EmailUnsubscribeLink.Path, static (HttpContext http, EmailUnsubscribeHandler handler) => handler.UnsubscribeAsync(http))
            .WithMetadata(new RequestSizeLimitAttribute(EmailUnsubscribeHandler.MaxBodyBytes))
            .DisableAntiforgery()
            .WithDisplayName("Email unsubscribe (one click): POST /email/unsubscribe")
            .ExcludeFromDescription();
        return endpoints;
    }
}
