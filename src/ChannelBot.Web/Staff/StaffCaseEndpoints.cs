using System.Security.Claims;
using ChannelBot.Application.Photos;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChannelBot.Web.Staff;

/// <summary>
/// <c>/api/cases</c>: the staff API. Every call needs an API key; a department key sees and changes only its own
/// department's cases (another department's case answers 403); a reader key cannot change anything.
/// </summary>
public static class StaffCaseEndpoints
{
    /// <summary>The most messages of a case's conversation one answer gives (the latest): a long conversation makes no huge page.</summary>
    public const int ConversationLimit = 500;

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("/api/cases")
            .RequireAuthorization(StaffRoles.ReadPolicy)
            .WithTags("Cases");
        cases.MapGet("/", ListAsync).WithName("ListCases").WithSummary("Cases, newest first, filtered and paged.");
        cases.MapGet("/{ticket}", GetAsync).WithName("GetCase").WithSummary("One case with its history and photos.");
        cases.MapGet("/{ticket}/conversation", ConversationAsync)
            .WithName("GetCaseConversation")
            .WithSummary($"The case's conversation with the resident, oldest first: the intake and what came after, photos linked to the case's copies (at most the latest {ConversationLimit} messages).");
        cases.MapGet("/{ticket}/photos/{number:int}", PhotoAsync).WithName("GetCasePhoto").WithSummary("The city's copy of one of the case's photos.");
        cases.MapPost("/{ticket}/status", ChangeStatusAsync)
            .RequireAuthorization(StaffRoles.WritePolicy)
            .WithName("ChangeCaseStatus")
            .WithSummary("Moves the case to a new status; the resident is told on their own channel if they agreed to updates.");
        cases.MapPost("/{ticket}/assignee", AssignAsync)
            .RequireAuthorization(StaffRoles.WritePolicy)
            .WithName("AssignCase")
            .WithSummary("Gives the case to a crew or person (null: nobody); recorded in the history.");
        cases.MapPost("/{ticket}/category", RecategoriseAsync)
            .RequireAuthorization(StaffRoles.WritePolicy)
            .WithName("RecategoriseCase")
            .WithSummary("Files the case under another service of the catalog and routes it to that service's department.");
        cases.MapPost("/{ticket}/location", RelocateAsync)
            .RequireAuthorization(StaffRoles.WritePolicy)
            .WithName("RelocateCase")
            .WithSummary("Places the case at an address, intersection or place on the city's map, or at a point, and routes it again for the new place.");
        cases.MapPost("/{ticket}/duplicate", MarkDuplicateAsync)
            .RequireAuthorization(StaffRoles.WritePolicy)
            .WithName("MarkCaseDuplicate")
            .WithSummary("Closes the case as a duplicate of another; its reporter is told and then hears about the original.");
        return endpoints;
    }

    private static async Task<Results<Ok<CasePageDto>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user,
        CaseReader reader,
        TimeProvider clock,
        string? status,
        string? category,
        string? department,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? q,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var statuses = new List<CaseStatus>();
        foreach (var code in (status ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (CaseStatusCodes.TryParse(code, out var parsed))
            {
                statuses.Add(parsed);
            }
            else
            {
                return TypedResults.Problem($"'{code}' is not a status: use {string.Join(", ", CaseStatusCodes.All)}.", statusCode: StatusCodes.Status400BadRequest);
            }
        }

        var own = OwnDepartment(user);
        if (own is not null && department is not null && department != own)
        {
            return TypedResults.Problem($"This key sees only department {own}.", statusCode: StatusCodes.Status403Forbidden);
        }

        var query = new CaseQuery(statuses, category, own ?? department, from, to, q, page ?? 1, pageSize ?? 50);
        var (list, total) = await reader.ListAsync(query, cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new CasePageDto([.. list.Select(c => c.ToSummary(now))], total, Math.Max(query.Page, 1), Math.Clamp(query.PageSize, 1, CaseReader.MaxPageSize)));
    }

    private static async Task<Results<Ok<CaseDetailDto>, NotFound, ForbidHttpResult>> GetAsync(
        string ticket, ClaimsPrincipal user, CaseReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TicketNumber.TryParse(ticket, out var number) || await reader.GetAsync(number, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }

        return MaySee(user, found)
            ? TypedResults.Ok(await DetailAsync(found, reader, clock, cancellationToken))
            : TypedResults.Forbid();
    }

    private static async Task<Results<Ok<CaseConversationDto>, NotFound, ForbidHttpResult>> ConversationAsync(
        string ticket, ClaimsPrincipal user, CaseReader reader, CancellationToken cancellationToken)
    {
        if (!TicketNumber.TryParse(ticket, out var number) || await reader.GetAsync(number, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }

        if (!MaySee(user, found))
        {
            return TypedResults.Forbid();
        }

        var conversation = await reader.ConversationAsync(found, ConversationLimit, cancellationToken);
        return TypedResults.Ok(conversation.ToDto(found, ConversationLimit));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound, ForbidHttpResult>> PhotoAsync(
        string ticket, int number, ClaimsPrincipal user, CaseReader reader, IPhotoStore photos, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!TicketNumber.TryParse(ticket, out var parsed) || await reader.GetAsync(parsed, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }

        if (!MaySee(user, found))
        {
            return TypedResults.Forbid();
        }

        var photo = found.Photos.FirstOrDefault(p => p.Number == number && p.Status == PhotoStatus.Stored);
        var stream = photo?.StoredPath is { } path ? photos.OpenRead(path) : null;
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        var contentType = PhotoResponse.Prepare(response, photo!.ContentType, $"{found.Ticket}-photo-{number}");
        return TypedResults.Stream(stream, contentType);
    }

    private static async Task<Results<Ok<CaseDetailDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> ChangeStatusAsync(
        string ticket,
        StatusChangeDto change,
        ClaimsPrincipal user,
        CaseEditor editor,
        CaseReader reader,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!TicketNumber.TryParse(ticket, out var number))
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(change.Status))
        {
            return TypedResults.Problem("Say which status: acknowledged, scheduled, in_progress, fixed, closed or reopened.", statusCode: StatusCodes.Status400BadRequest);
        }

        var request = new StatusChangeRequest(change.Status.Trim(), change.Reason, change.PublicNote, change.InternalNote, change.Version, change.Urgent);
        var outcome = await editor.ChangeStatusAsync(number, request, By(user), c => MaySee(user, c), cancellationToken);
        return await AnswerAsync(outcome, reader, clock, cancellationToken);
    }

    private static async Task<Results<Ok<CaseDetailDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> AssignAsync(
        string ticket, AssignDto change, ClaimsPrincipal user, CaseEditor editor, CaseReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TicketNumber.TryParse(ticket, out var number))
        {
            return TypedResults.NotFound();
        }

        var outcome = await editor.AssignAsync(number, change.Assignee, change.InternalNote, change.Version, By(user), c => MaySee(user, c), cancellationToken);
        return await AnswerAsync(outcome, reader, clock, cancellationToken);
    }

    private static async Task<Results<Ok<CaseDetailDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> RecategoriseAsync(
        string ticket, RecategoriseDto change, ClaimsPrincipal user, CaseEditor editor, CaseReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TicketNumber.TryParse(ticket, out var number))
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(change.ServiceCode))
        {
            return TypedResults.Problem("Say which service code of the catalog the case belongs under.", statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = await editor.RecategoriseAsync(number, change.ServiceCode.Trim(), change.InternalNote, change.Version, By(user), c => MaySee(user, c), cancellationToken);
        return await AnswerAsync(outcome, reader, clock, cancellationToken);
    }

    private static async Task<Results<Ok<CaseDetailDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> RelocateAsync(
        string ticket, RelocateDto change, ClaimsPrincipal user, CaseEditor editor, CaseReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TicketNumber.TryParse(ticket, out var number))
        {
            return TypedResults.NotFound();
        }

        if (change.Latitude.HasValue != change.Longitude.HasValue
            || change.Latitude is < -90 or > 90 or double.NaN || change.Longitude is < -180 or > 180 or double.NaN)
        {
            return TypedResults.Problem("A point needs both latitude (-90 to 90) and longitude (-180 to 180).", statusCode: StatusCodes.Status400BadRequest);
        }

        if (change.Address is { Length: > 300 })
        {
            return TypedResults.Problem("An address has at most 300 characters.", statusCode: StatusCodes.Status400BadRequest);
        }

        var point = change.Latitude is { } lat && change.Longitude is { } lon ? new ChannelBot.Geo.Data.GeoPosition(lat, lon) : (ChannelBot.Geo.Data.GeoPosition?)null;
        var outcome = await editor.RelocateAsync(number, change.Address, point, change.InternalNote, change.Version, By(user), c => MaySee(user, c), cancellationToken);
        return await AnswerAsync(outcome, reader, clock, cancellationToken);
    }

    private static async Task<Results<Ok<CaseDetailDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> MarkDuplicateAsync(
        string ticket, DuplicateDto change, ClaimsPrincipal user, CaseEditor editor, CaseReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TicketNumber.TryParse(ticket, out var number))
        {
            return TypedResults.NotFound();
        }

        if (!TicketNumber.TryParse(change.Original, out var original))
        {
            return TypedResults.Problem($"'{change.Original}' is not a ticket number like 311-2026-000123.", statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = await editor.MarkDuplicateAsync(number, original, change.PublicNote, change.InternalNote, change.Version, By(user), c => MaySee(user, c), cancellationToken);
        return await AnswerAsync(outcome, reader, clock, cancellationToken);
    }

    private static string By(ClaimsPrincipal user) => user.Identity?.Name ?? "staff";

    private static async Task<Results<Ok<CaseDetailDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> AnswerAsync(
        CaseChangeOutcome outcome, CaseReader reader, TimeProvider clock, CancellationToken cancellationToken) =>
        outcome.Status switch
        {
            CaseChangeStatus.Changed => TypedResults.Ok(await DetailAsync(outcome.Case!, reader, clock, cancellationToken)),
            CaseChangeStatus.NotFound => TypedResults.NotFound(),
            CaseChangeStatus.Forbidden => TypedResults.Forbid(),
            CaseChangeStatus.Conflict => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(outcome.Reason, statusCode: StatusCodes.Status422UnprocessableEntity),
        };

    /// <summary>
    /// The department a department-role caller is confined to; for a department role without a department claim (a
    /// misconfigured key or account) a value no case has, so such a caller sees nothing rather than everything.
    /// </summary>
    private static string? OwnDepartment(ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Department)
            ? user.FindFirstValue(StaffRoles.DepartmentClaim) is { Length: > 0 } department ? department : NoDepartment
            : null;

    /// <summary>The case as staff see it: with its messages and deliveries, its followers, and the status reading of its department's system.</summary>
    private static async Task<CaseDetailDto> DetailAsync(Case found, CaseReader reader, TimeProvider clock, CancellationToken cancellationToken) =>
        found.ToDetail(
            clock.GetUtcNow(),
            await reader.MessagesAsync(found.Id, cancellationToken),
            await reader.FollowersAsync(found.Ticket, cancellationToken),
            await reader.DepartmentSyncAsync(found.Department, cancellationToken));

    private static bool MaySee(ClaimsPrincipal user, Case found) =>
        OwnDepartment(user) is not { } own || string.Equals(found.Department, own, StringComparison.Ordinal);

    /// <summary>Matches no case's department (department codes never contain a space).</summary>
    private const string NoDepartment = "(no department)";
}
