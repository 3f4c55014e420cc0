using ChannelBot.Web.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The staff API: API-key authentication, the role policies, and its OpenAPI document.</summary>
public static class StaffApiRegistration
{
    public static IHostApplicationBuilder AddStaffApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffOptions>, StaffOptionsValidator>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.ReadPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.All))
            .AddPolicy(StaffRoles.WritePolicy, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin, StaffRoles.Operator, StaffRoles.Department));
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ChannelBot staff API";
            document.Info.Description = "Cases filed by residents through ChannelBot: list, read, change status. Authenticate with `Authorization: ApiKey <key>`.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapStaffApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json");

        // The interactive reference, served from the app itself (no CDN, no web fonts from elsewhere).
        app.MapScalarApiReference("/api/reference", options => options
            .WithTitle("ChannelBot staff API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts());
        ((IEndpointRouteBuilder)app).MapStaffApi();
        return app;
    }
}
