using System.Globalization;
using ChannelBot.Channels.Common;
using ChannelBot.Infrastructure.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChannelBot.Web.Staff;

/// <summary>
/// <c>/api/staff/session</c>: people sign in (POST), see their session and its CSRF token (GET), sign out (DELETE)
/// and change their own password (POST password). An unknown name and a wrong password get the same answer.
/// </summary>
public static class StaffSessionEndpoints
{
    private const string Refused = "The sign-in name or the password is not right.";

    public static IEndpointRouteBuilder MapStaffSessions(this IEndpointRouteBuilder endpoints)
    {
        var session = endpoints.MapGroup("/api/staff/session").WithTags("Staff session");
        session.MapPost("/", SignInAsync)
            .AllowAnonymous()
            .RequireRateLimiting(StaffSignInRateLimit.Policy)
            .WithName("SignIn")
            .WithSummary("Signs a person in: sets the HttpOnly session cookie and returns the CSRF token for mutating calls.");
        session.MapGet("/", Current)
            .RequireAuthorization(StaffRoles.SessionPolicy)
            .WithName("GetSession")
            .WithSummary("Who is signed in, and the session's CSRF token (e.g. after a page reload).");
        session.MapDelete("/", SignOutAsync)
            .RequireAuthorization(StaffRoles.SessionPolicy)
            .WithName("SignOut")
            .WithSummary("Ends the session at once; the cookie no longer works even if replayed.");
        session.MapPost("/password", ChangePasswordAsync)
            .RequireAuthorization(StaffRoles.SessionPolicy)
            .WithName("ChangeOwnPassword")
            .WithSummary("Replaces the signed-in person's password; their other sessions end.");
        return endpoints;
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> SignInAsync(
        SignInDto? credentials, HttpContext context, StaffAccountStore accounts, CancellationToken cancellationToken)
    {
        if (credentials is not { Login: { Length: > 0 and <= StaffAccountRecord.MaxLoginLength } login, Password: { Length: > 0 and <= StaffPasswords.MaxLength } password }
            || string.IsNullOrWhiteSpace(login))
        {
            return TypedResults.Problem(
                $"Send {{\"login\": \"...\", \"password\": \"...\"}}: a login of at most {StaffAccountRecord.MaxLoginLength} and a password of at most {StaffPasswords.MaxLength} characters.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = await accounts.SignInAsync(login, password, ClientNetwork.Of(context.Connection.RemoteIpAddress), cancellationToken);
        switch (outcome.Status)
        {
            case SignInStatus.SignedIn:
                StaffSessionCookie.Issue(context, outcome.Token!);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(ToDto(outcome.Session!));
            case SignInStatus.LockedOut:
                var seconds = (int)Math.Ceiling(Math.Max(outcome.RetryAfter?.TotalSeconds ?? 0, 1));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    $"Too many wrong passwords for this name: try again in {Math.Ceiling(seconds / 60.0)} minute(s), or ask an administrator to reset the password.",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Sign-in locked");
            case SignInStatus.Disabled:
                return TypedResults.Problem("This account is disabled: ask an administrator.", statusCode: StatusCodes.Status403Forbidden, title: "Account disabled");
            default:
                return TypedResults.Problem(Refused, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused");
        }
    }

    private static Results<Ok<SessionDto>, UnauthorizedHttpResult> Current(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return StaffSessionAuthenticationHandler.SessionOf(context) is { } session ? TypedResults.Ok(ToDto(session)) : TypedResults.Unauthorized();
    }

    private static async Task<Results<NoContent, UnauthorizedHttpResult>> SignOutAsync(HttpContext context, StaffAccountStore accounts, CancellationToken cancellationToken)
    {
        if (StaffSessionAuthenticationHandler.SessionOf(context) is not { } session)
        {
            return TypedResults.Unauthorized();
        }

        await accounts.SignOutAsync(session, cancellationToken);
        StaffSessionCookie.Remove(context);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<StaffAccount>, UnauthorizedHttpResult, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChangeDto? change, HttpContext context, StaffAccountStore accounts, CancellationToken cancellationToken)
    {
        if (StaffSessionAuthenticationHandler.SessionOf(context) is not { } session)
        {
            return TypedResults.Unauthorized();
        }

        if (change is not { CurrentPassword: { Length: > 0 and <= StaffPasswords.MaxLength } current })
        {
            return TypedResults.Problem("Send the current password as currentPassword.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (accounts.Weakness(change.NewPassword) is { } weakness)
        {
            return TypedResults.Problem(weakness, statusCode: StatusCodes.Status400BadRequest);
        }

        if (string.Equals(current, change.NewPassword, StringComparison.Ordinal))
        {
            return TypedResults.Problem("The new password must differ from the current one.", statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = await accounts.ChangeOwnPasswordAsync(session, current, change.NewPassword!, cancellationToken);
        return outcome.Status switch
        {
            StaffAccountChange.Changed => TypedResults.Ok(outcome.Account!),
            StaffAccountChange.WrongPassword => TypedResults.Problem("The current password is not right.", statusCode: StatusCodes.Status400BadRequest),
            _ => TypedResults.Unauthorized(),
        };
    }

    private static SessionDto ToDto(StaffSession session) => new(session.Account, session.CsrfToken, session.ExpiresAt);
}
