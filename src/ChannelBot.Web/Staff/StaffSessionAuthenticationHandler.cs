using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using ChannelBot.Infrastructure.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Staff;

/// <summary>
/// Authenticates a person by the session cookie (looked up in the database on every request, so signing out,
/// disabling the account or a password reset take effect at once). A mutating call made with the cookie must
/// carry the session's CSRF token in <see cref="StaffSessionCookie.CsrfHeader"/>; without it the call is refused
/// with 403 (ADR 0007).
/// </summary>
public sealed class StaffSessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StaffAccountStore accounts) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "StaffSession";

    private static readonly object CsrfRefusedKey = new();

    /// <summary>The session behind the request, when it was authenticated by the cookie.</summary>
    public static StaffSession? SessionOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(typeof(StaffSession), out var session) ? session as StaffSession : null;
    }

    /// <summary>The same claims an API key of the same role carries, plus the account id.</summary>
    public static ClaimsPrincipal PrincipalFor(StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.DisplayName),
            new(StaffRoles.AccountClaim, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (account.MustChangePassword)
        {
            claims.Add(new Claim(StaffRoles.MustChangePasswordClaim, "true"));
        }
        else
        {
            claims.Add(new Claim(ClaimTypes.Role, account.Role));
        }

        if (account.Department is { Length: > 0 } department)
        {
            claims.Add(new Claim(StaffRoles.DepartmentClaim, department));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(StaffSessionCookie.Name, out var token)
            || token is not { Length: > 0 and <= StaffSessionCookie.MaxTokenLength })
        {
            return AuthenticateResult.NoResult();
        }

        var session = await accounts.AuthenticateAsync(token, Context.RequestAborted);
        if (session is null)
        {
            return AuthenticateResult.Fail("The session has ended.");
        }

        if (!IsSafe(Request.Method) && !CsrfTokenMatches(session))
        {
            Context.Items[CsrfRefusedKey] = true;
            return AuthenticateResult.Fail("The CSRF token is missing or wrong.");
        }

        Context.Items[typeof(StaffSession)] = session;
        return AuthenticateResult.Success(new AuthenticationTicket(PrincipalFor(session.Account), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var csrf = Context.Items.ContainsKey(CsrfRefusedKey);
        var problem = csrf
            ? new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "CSRF token required",
                Detail = $"A change made with the session cookie must repeat the session's CSRF token in the {StaffSessionCookie.CsrfHeader} header (GET /api/staff/session returns it).",
            }
            : new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Sign in again",
                Detail = "The session has ended: sign in with POST /api/staff/session.",
            };
        Response.StatusCode = problem.Status!.Value;
        await Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", Context.RequestAborted);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private bool CsrfTokenMatches(StaffSession session) =>
        Request.Headers[StaffSessionCookie.CsrfHeader].ToString() is { Length: > 0 } presented
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(session.CsrfToken));
}
