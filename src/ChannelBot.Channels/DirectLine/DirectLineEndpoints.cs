using ChannelBot.Channels.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps Direct Line 3.0 under <c>/v3/directline</c> and <c>POST /api/chat/session</c>. In ASP.NET's own namespace
/// for <c>Map…</c> extensions, so the composition root needs no extra <c>using</c>.
/// </summary>
public static class DirectLineEndpoints
{
    /// <summary>
    /// Every route answers CORS for the configured origins (preflight included). The stream route runs its own small
    /// pipeline with the WebSocket middleware, so the app needs no global <c>UseWebSockets</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(DirectLineRoutes.Base).WithGroupName("directline");
        group.AddEndpointFilter(static async (context, next) =>
        {
            context.HttpContext.RequestServices.GetRequiredService<DirectLineCors>().Apply(context.HttpContext);
            return await next(context).ConfigureAwait(false);
        });

        const string Conversation = "/conversations/{" + DirectLineRoutes.ConversationId + "}";
        group.MapPost("/tokens/generate", static (HttpContext http, DirectLineRequestHandler handler) => handler.GenerateTokenAsync(http.Request, http.RequestAborted));
        group.MapPost("/tokens/refresh", static (HttpContext http, DirectLineRequestHandler handler) => handler.RefreshTokenAsync(http.Request, http.RequestAborted));
        group.MapPost("/conversations", static (HttpContext http, DirectLineRequestHandler handler) => handler.StartAsync(http.Request, http.RequestAborted));
        group.MapGet(Conversation, static (HttpContext http, string conversationId, DirectLineRequestHandler handler) => handler.ReconnectAsync(http.Request, conversationId, http.RequestAborted));
        group.MapPost(Conversation + "/activities", static (HttpContext http, string conversationId, DirectLineRequestHandler handler) => handler.PostActivityAsync(http.Request, conversationId, http.RequestAborted));
        group.MapGet(Conversation + "/activities", static (HttpContext http, string conversationId, DirectLineRequestHandler handler) => handler.PollAsync(http.Request, conversationId));
        group.MapPost(Conversation + "/upload", static (HttpContext http, string conversationId, DirectLineRequestHandler handler) => handler.UploadAsync(http.Request, conversationId, http.RequestAborted))
            .DisableAntiforgery();
        group.MapGet("/attachments/{" + DirectLineRoutes.FileId + "}", static (HttpContext http, string fileId, DirectLineRequestHandler handler) => handler.GetAttachment(http.Response, fileId));
        group.MapMethods("/{**path}", [HttpMethods.Options], static (HttpContext http, DirectLineCors cors) => cors.Preflight(http));

        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets();
        pipeline.Run(static context => context.RequestServices.GetRequiredService<DirectLineStreamHandler>().HandleAsync(context));
        var stream = pipeline.Build();
        endpoints.Map(DirectLineRoutes.Base + Conversation + "/stream", stream)
            .WithDisplayName("Direct Line: WebSocket stream");

        endpoints.MapPost(DirectLineRoutes.Session, static (HttpContext http, DirectLineRequestHandler handler, DirectLineCors cors) =>
        {
            cors.Apply(http);
            return handler.SessionAsync(http.Request);
        });
        endpoints.MapMethods(DirectLineRoutes.Session, [HttpMethods.Options], static (HttpContext http, DirectLineCors cors) => cors.Preflight(http));
        return group;
    }
}
