using System.Security.Claims;
using ChannelBot.Infrastructure.Handoffs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChannelBot.Web.Staff;

/// <summary>
/// <c>/api/handoffs</c>: live chats — residents who asked for a person. Operators and admins see the line, take a
/// resident, read the conversation, reply on the resident's channel, and hand back to the bot. <c>GET
/// /api/handoffs/events</c> is a server-sent-events stream that says <c>changed</c> whenever the line or one of its
/// conversations changes, on whichever instance it happened.
/// </summary>
public static class StaffHandoffEndpoints
{
    /// <summary>The most messages of a conversation one answer gives (the latest).</summary>
    public const int TranscriptLimit = 200;

    public static IEndpointRouteBuilder MapStaffHandoffs(this IEndpointRouteBuilder endpoints)
    {
        var handoffs = endpoints.MapGroup("/api/handoffs")
            .RequireAuthorization(StaffRoles.OperatorPolicy)
            .WithTags("Live chats");
        handoffs.MapGet("/", ListAsync).WithName("ListHandoffs").WithSummary("Residents in line for an operator or talking with one, longest waiting first.");
        handoffs.MapGet("/events", HandoffEventStream.RunAsync).WithName("HandoffEvents").WithSummary("Server-sent events: 'changed' whenever the line or one of its conversations changes.").ExcludeFromDescription();
        handoffs.MapGet("/{id:long}", GetAsync).WithName("GetHandoff").WithSummary("One resident's place in line and the latest messages of their conversation, oldest first.");
        handoffs.MapPost("/{id:long}/take", TakeAsync).WithName("TakeHandoff").WithSummary("Takes the resident: they are told an operator joined.");
        handoffs.MapPost("/{id:long}/reply", ReplyAsync).WithName("ReplyToHandoff").WithSummary("Sends the operator's words on the resident's own channel (opt-outs and channel windows apply).");
        handoffs.MapPost("/{id:long}/typing", TypingAsync).WithName("HandoffTyping").WithSummary("Shows the resident the operator is typing, where the channel can (Messenger, web chat).");
        handoffs.MapPost("/{id:long}/return", ReturnAsync).WithName("ReturnHandoffToBot").WithSummary("Hands the resident back to the bot, which asks the question it was at again.");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<HandoffLine>>> ListAsync(HandoffDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(await desk.OpenAsync(cancellationToken));

    private static async Task<Results<Ok<HandoffDetailDto>, NotFound>> GetAsync(long id, HandoffDesk desk, CancellationToken cancellationToken)
    {
        if (await desk.GetAsync(id, cancellationToken) is not { } line)
        {
            return TypedResults.NotFound();
        }

        var messages = await desk.TranscriptAsync(id, TranscriptLimit, cancellationToken) ?? [];
        var ended = await desk.IsEndedAsync(id, cancellationToken);
        return TypedResults.Ok(new HandoffDetailDto(line, ended, messages));
    }

    private static async Task<Results<NoContent, NotFound, Conflict<string>>> TakeAsync(long id, ClaimsPrincipal user, HandoffDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.TakeAsync(id, By(user), cancellationToken));

    private static async Task<Results<NoContent, NotFound, Conflict<string>, ValidationProblem>> ReplyAsync(
        long id, HandoffReplyRequest request, ClaimsPrincipal user, HandoffDesk desk, CancellationToken cancellationToken)
    {
        var text = request?.Text?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Length > HandoffOptions.MaxReplyLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["text"] = [$"Write 1 to {HandoffOptions.MaxReplyLength} characters."],
            });
        }

        return await desk.ReplyAsync(id, By(user), text, cancellationToken) switch
        {
            HandoffOutcome.Done => TypedResults.NoContent(),
            HandoffOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Conflict(EndedText),
        };
    }

    private static async Task<Results<NoContent, NotFound, Conflict<string>>> TypingAsync(long id, ClaimsPrincipal user, HandoffDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.TypingAsync(id, By(user), cancellationToken));

    private static async Task<Results<NoContent, NotFound, Conflict<string>>> ReturnAsync(long id, ClaimsPrincipal user, HandoffDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.ReturnToBotAsync(id, By(user), cancellationToken));

    private const string EndedText = "The resident is already back with the bot.";

    private static Results<NoContent, NotFound, Conflict<string>> Answer(HandoffOutcome outcome) => outcome switch
    {
        HandoffOutcome.Done => TypedResults.NoContent(),
        HandoffOutcome.NotFound => TypedResults.NotFound(),
        _ => TypedResults.Conflict(EndedText),
    };

    private static string By(ClaimsPrincipal user) => user.Identity?.Name ?? "311";
}

/// <summary>The operator's reply.</summary>
public sealed record HandoffReplyRequest(string? Text);

/// <summary>One place in line, whether it is over, and the conversation's latest messages.</summary>
public sealed record HandoffDetailDto(HandoffLine Line, bool Ended, IReadOnlyList<HandoffTranscriptMessage> Messages);
