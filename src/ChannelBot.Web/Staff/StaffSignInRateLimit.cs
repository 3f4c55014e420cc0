using System.Globalization;
using System.Threading.RateLimiting;
using ChannelBot.Channels.Common;
using ChannelBot.Infrastructure.Staff;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Staff;

/// <summary>
/// Sign-in attempts per client network (an IPv4 address, an IPv6 /64), whatever the names tried: ASP.NET Core's rate
/// limiter with a token bucket of <see cref="StaffSignInOptions.AttemptsPerMinutePerNetwork"/>, answered 429 with
/// <c>Retry-After</c>. It slows a guesser spreading over many names; the per-name lockout stops one name's guessing.
/// </summary>
public static class StaffSignInRateLimit
{
    public const string Policy = "staff-sign-in";

    public static IServiceCollection AddStaffSignInRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Policy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptionsMonitor<StaffSignInOptions>>().CurrentValue.AttemptsPerMinutePerNetwork;
                return RateLimitPartition.GetTokenBucketLimiter(
                    ClientNetwork.Of(context.Connection.RemoteIpAddress) + "/" + perMinute.ToString(CultureInfo.InvariantCulture),
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = perMinute,
                        TokensPerPeriod = perMinute,
                        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
        });
}
