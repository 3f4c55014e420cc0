using ChannelBot.Infrastructure.Turns;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChannelBot.Web.Staff;

/// <summary>
/// <c>GET /api/inbox/set-aside</c>: inbound messages the bot could not process (a turn that kept failing or ran over
/// its time budget). The resident was told to send it again or call; staff can read what arrived and follow up.
/// Admins and operators only: these messages belong to no department.
/// </summary>
public static class SetAsideMessageEndpoints
{
    public static IEndpointRouteBuilder MapSetAsideMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/inbox/set-aside", ListAsync)
            .RequireAuthorization(StaffRoles.OperatorPolicy)
            .WithTags("Inbox")
            .WithName("ListSetAsideMessages")
            .WithSummary("Inbound messages set aside because the bot could not process them, newest first.");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<SetAsideMessage>>> ListAsync(SetAsideReader reader, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ListAsync(page ?? 1, pageSize ?? 50, cancellationToken));
}
