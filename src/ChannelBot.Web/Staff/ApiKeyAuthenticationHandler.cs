using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Staff;

/// <summary>
/// Authenticates <c>Authorization: ApiKey &lt;key&gt;</c> (or <c>X-Api-Key</c>) against the configured keys,
/// comparing hashes in constant time so that neither timing nor an early exit tells how close a guess was.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<StaffOptions> staff) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        StaffApiKey? match = null;
        foreach (var key in staff.CurrentValue.ApiKeys)
        {
            // Every key is compared, matched or not.
            if (CryptographicOperations.FixedTimeEquals(hash, SHA256.HashData(Encoding.UTF8.GetBytes(key.Key))) && key.Key.Length > 0)
            {
                match = key;
            }
        }

        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not known."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, match.Name), new(ClaimTypes.Role, match.Role) };
        if (match.Department is { Length: > 0 } department)
        {
            claims.Add(new Claim(StaffRoles.DepartmentClaim, department));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        return Task.CompletedTask;
    }

    /// <summary>Whether the request presents an API key at all (right or wrong).</summary>
    public static bool IsPresented(HttpRequest request) => Presented(request) is not null;

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.Authorization.ToString() is { Length: > 0 } header
            && header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return header[(SchemeName.Length + 1)..].Trim();
        }

        return request.Headers["X-Api-Key"].ToString() is { Length: > 0 } key ? key.Trim() : null;
    }
}
