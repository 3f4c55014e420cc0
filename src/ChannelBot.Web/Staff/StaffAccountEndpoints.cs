using System.Globalization;
using System.Security.Claims;
using ChannelBot.Infrastructure.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChannelBot.Web.Staff;

/// <summary>
/// <c>/api/staff/accounts</c>: admins create, list, disable and enable accounts, change roles and reset passwords.
/// Nothing here ever returns or logs a password or its hash. An admin cannot disable or demote themselves, so an
/// install never loses its last admin by a slip.
/// </summary>
public static class StaffAccountEndpoints
{
    public static IEndpointRouteBuilder MapStaffAccounts(this IEndpointRouteBuilder endpoints)
    {
        var accounts = endpoints.MapGroup("/api/staff/accounts")
            .RequireAuthorization(StaffRoles.AdminPolicy)
            .WithTags("Staff accounts");
        accounts.MapGet("/", ListAsync).WithName("ListStaffAccounts").WithSummary("Every staff account, by login name.");
        accounts.MapGet("/{id:long}", GetAsync).WithName("GetStaffAccount").WithSummary("One staff account.");
        accounts.MapPost("/", CreateAsync)
            .WithName("CreateStaffAccount")
            .WithSummary("Creates an account; its holder must change the given password at first sign-in.");
        accounts.MapPost("/{id:long}/disable", (long id, ClaimsPrincipal user, StaffAccountStore store, CancellationToken ct) => SetDisabledAsync(id, true, user, store, ct))
            .WithName("DisableStaffAccount")
            .WithSummary("Disables an account: it cannot sign in and its live sessions stop working at once.");
        accounts.MapPost("/{id:long}/enable", (long id, ClaimsPrincipal user, StaffAccountStore store, CancellationToken ct) => SetDisabledAsync(id, false, user, store, ct))
            .WithName("EnableStaffAccount")
            .WithSummary("Enables a disabled account again (and lifts any lockout).");
        accounts.MapPost("/{id:long}/role", ChangeRoleAsync)
            .WithName("ChangeStaffAccountRole")
            .WithSummary("Gives an account another role; it applies to the holder's next request.");
        accounts.MapPost("/{id:long}/password", ResetPasswordAsync)
            .WithName("ResetStaffAccountPassword")
            .WithSummary("Sets a password the holder must change at next sign-in; ends their sessions and lifts any lockout.");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<StaffAccount>>> ListAsync(StaffAccountStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<Results<Ok<StaffAccount>, NotFound>> GetAsync(long id, StaffAccountStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } account ? TypedResults.Ok(account) : TypedResults.NotFound();

    private static async Task<Results<Created<StaffAccount>, ProblemHttpResult>> CreateAsync(
        NewAccountDto? account, StaffAccountStore store, CancellationToken cancellationToken)
    {
        if (account is null)
        {
            return TypedResults.Problem("Send login, displayName, role, department (department role only) and password.", statusCode: StatusCodes.Status400BadRequest);
        }

        var problem = LoginProblem(account.Login)
            ?? DisplayNameProblem(account.DisplayName)
            ?? StaffRoles.Problem(account.Role, account.Department)
            ?? store.Weakness(account.Password);
        if (problem is not null)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var department = DepartmentFor(account.Role!, account.Department);
        var outcome = await store.CreateAsync(new NewStaffAccount(account.Login!, account.DisplayName!, account.Role!, department, account.Password!), cancellationToken);
        return outcome.Status == StaffAccountChange.Changed
            ? TypedResults.Created($"/api/staff/accounts/{outcome.Account!.Id.ToString(CultureInfo.InvariantCulture)}", outcome.Account)
            : TypedResults.Problem("Another account already signs in with this name.", statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<StaffAccount>, NotFound, ProblemHttpResult>> SetDisabledAsync(
        long id, bool disabled, ClaimsPrincipal user, StaffAccountStore store, CancellationToken cancellationToken)
    {
        if (disabled && IsSelf(user, id))
        {
            return TypedResults.Problem("An admin cannot disable their own account; ask another admin.", statusCode: StatusCodes.Status409Conflict);
        }

        return Answer(await store.SetDisabledAsync(id, disabled, cancellationToken));
    }

    private static async Task<Results<Ok<StaffAccount>, NotFound, ProblemHttpResult>> ChangeRoleAsync(
        long id, RoleChangeDto? change, ClaimsPrincipal user, StaffAccountStore store, CancellationToken cancellationToken)
    {
        if (StaffRoles.Problem(change?.Role, change?.Department) is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        if (IsSelf(user, id) && change!.Role != StaffRoles.Admin)
        {
            return TypedResults.Problem("An admin cannot take away their own admin role; ask another admin.", statusCode: StatusCodes.Status409Conflict);
        }

        return Answer(await store.ChangeRoleAsync(id, change!.Role!, DepartmentFor(change.Role!, change.Department), cancellationToken));
    }

    private static async Task<Results<Ok<StaffAccount>, NotFound, ProblemHttpResult>> ResetPasswordAsync(
        long id, PasswordResetDto? reset, StaffAccountStore store, CancellationToken cancellationToken)
    {
        if (store.Weakness(reset?.Password) is { } weakness)
        {
            return TypedResults.Problem(weakness, statusCode: StatusCodes.Status400BadRequest);
        }

        return Answer(await store.ResetPasswordAsync(id, reset!.Password!, cancellationToken));
    }

    private static Results<Ok<StaffAccount>, NotFound, ProblemHttpResult> Answer(StaffAccountChangeOutcome outcome) =>
        outcome.Status == StaffAccountChange.Changed ? TypedResults.Ok(outcome.Account!) : TypedResults.NotFound();

    private static bool IsSelf(ClaimsPrincipal user, long id) =>
        user.FindFirstValue(StaffRoles.AccountClaim) == id.ToString(CultureInfo.InvariantCulture);

    private static string? DepartmentFor(string role, string? department) =>
        role == StaffRoles.Department ? department!.Trim() : null;

    private static string? LoginProblem(string? login) =>
        string.IsNullOrWhiteSpace(login) || login.Trim().Length > StaffAccountRecord.MaxLoginLength || login.Any(char.IsControl)
            ? $"Login is required: at most {StaffAccountRecord.MaxLoginLength} characters, usually the person's e-mail address."
            : null;

    private static string? DisplayNameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > StaffAccountRecord.MaxDisplayNameLength || name.Any(char.IsControl)
            ? $"DisplayName is required: at most {StaffAccountRecord.MaxDisplayNameLength} characters (it is shown in case history)."
            : null;
}
