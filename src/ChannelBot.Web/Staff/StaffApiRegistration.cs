using ChannelBot.Infrastructure.Staff;
using ChannelBot.Web.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The staff API: API keys and people's sessions, the role policies, staff accounts, and the OpenAPI document.</summary>
public static class StaffApiRegistration
{
    public static IHostApplicationBuilder AddStaffApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffOptions>, StaffOptionsValidator>();
        services.AddOptions<StaffSignInOptions>().BindConfiguration(StaffSignInOptions.Section)
            .Validate(o => o.MaxFailedSignIns > 0 && o.AttemptsPerMinutePerNetwork > 0 && o.LockoutDuration > TimeSpan.Zero && o.SessionLifetime > TimeSpan.Zero && o.IdleTimeout > TimeSpan.Zero && o.MinPasswordLength >= 8,
                "Staff:SignIn needs MaxFailedSignIns > 0, AttemptsPerMinutePerNetwork > 0, positive LockoutDuration, SessionLifetime and IdleTimeout, and MinPasswordLength of at least 8.")
            .ValidateOnStart();
        services.AddSingleton<StaffAccountStore>();
        services.AddSingleton<DemoOperator>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoOperator>());   // Development only: the demo operator
        services.AddStaffSignInRateLimit();
        services.AddSingleton<StaffConsolePage>();
        services.AddStaffAuthentication();
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.ReadPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.All))
            .AddPolicy(StaffRoles.WritePolicy, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin, StaffRoles.Operator, StaffRoles.Department))
            .AddPolicy(StaffRoles.OperatorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin, StaffRoles.Operator))
            .AddPolicy(StaffRoles.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin))
            .AddPolicy(StaffRoles.SessionPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(StaffRoles.AccountClaim));
        services.AddOpenApi("v1", options => options
            .AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "ChannelBot staff API";
                document.Info.Description = "Cases filed by residents through ChannelBot: list, read, change status; staff accounts and sign-in. "
                    + "Integrations authenticate with `Authorization: ApiKey <key>`; people sign in at POST /api/staff/session and send the session's CSRF token in `X-CSRF-Token` with every change.";
                return Task.CompletedTask;
            })
            .AddDocumentTransformer<StaffOpenApiSecurity>()
            .AddOperationTransformer<StaffOpenApiSecurity>());
        return builder;
    }

    /// <summary>Runs <c>staff ...</c> (see <see cref="StaffCommand"/>) when the arguments start with it; false (nothing done) otherwise.</summary>
    public static async Task<bool> RunStaffCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != StaffCommand.Verb)
        {
            return false;
        }

        Environment.ExitCode = await StaffCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error, app.Lifetime.ApplicationStopping);
        return true;
    }

    public static WebApplication MapStaffApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json");

        // The interactive reference, served from the app itself (no CDN, no web fonts from elsewhere).
        app.MapScalarApiReference("/api/reference", options => options
            .WithTitle("ChannelBot staff API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .ExpandAllTags()
            .DisableDefaultFonts());
        ((IEndpointRouteBuilder)app).MapStaffApi();
        app.MapStaffSessions();
        app.MapStaffAccounts();
        app.MapSetAsideMessages();
        app.MapStaffHandoffs();
        app.MapStaffIntake();
        app.MapStaffAnalytics();
        app.MapStaffConsole();
        return app;
    }
}
