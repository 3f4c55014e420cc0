using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Sandbox.Email;

/// <summary><c>GET /sandbox/email/messages?to=…</c> (Development only): the emails the sandbox kept for that address, oldest first.</summary>
public static class EmailSandboxEndpoints
{
    public static void MapEmailSandbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(EmailSandbox.ReceivedPath, Received).WithDisplayName("Email sandbox (Development): what an address received").ExcludeFromDescription();
    }

    private static IResult Received(HttpContext context, string? to)
    {
        if (string.IsNullOrWhiteSpace(to) || to.Length > 320)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Give the address as ?to=ana@example.org.");
        }

        var messages = context.RequestServices.GetRequiredService<EmailSandboxStore>().For(to);
        return Results.Ok(messages);
    }
}
