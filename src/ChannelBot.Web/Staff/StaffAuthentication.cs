using Microsoft.AspNetCore.Authentication;

namespace ChannelBot.Web.Staff;

/// <summary>
/// The default scheme: a request that presents an API key is judged by the key alone, one that carries the
/// session cookie by the session; with neither, the API-key scheme answers the challenge (401).
/// </summary>
public static class StaffAuthentication
{
    public const string SchemeName = "Staff";

    public static AuthenticationBuilder AddStaffAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "API key or staff session", options => options.ForwardDefaultSelector = Select)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, StaffSessionAuthenticationHandler>(StaffSessionAuthenticationHandler.SchemeName, null);
    }

    private static string Select(HttpContext context) =>
        !ApiKeyAuthenticationHandler.IsPresented(context.Request) && context.Request.Cookies.ContainsKey(StaffSessionCookie.Name)
            ? StaffSessionAuthenticationHandler.SchemeName
            : ApiKeyAuthenticationHandler.SchemeName;
}
