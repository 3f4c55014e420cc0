using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Cross-origin access for pages on the city's own sites (<see cref="DirectLineOptions.AllowedOrigins"/>), evaluated
/// by ASP.NET Core's CORS service on Direct Line's own endpoints, so the app needs no global CORS middleware.
/// </summary>
public sealed class DirectLineCors
{
    private readonly ICorsService _cors;
    private readonly HashSet<string> _origins;
    private readonly CorsPolicy _policy;

    public DirectLineCors(ICorsService cors, IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cors = cors;
        _origins = new HashSet<string>(options.Value.AllowedOrigins.Select(NormalizeOrigin).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        _policy = new CorsPolicyBuilder()
            .WithOrigins([.. _origins])
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent", "x-requested-with")
            .WithExposedHeaders("Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))
            .Build();
    }

    /// <summary>scheme://host[:port] in lower case, or null when the value is not an origin.</summary>
    public static string? NormalizeOrigin(string? value)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath is not ("/" or "") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            || value!.Trim().TrimEnd('/').Length != uri.GetLeftPart(UriPartial.Authority).Length)
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    /// <summary>True when the request has no Origin, comes from the app's own origin, or from an allowed one.</summary>
    public bool IsAllowed(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        var own = $"{request.Scheme}://{request.Host.ToUriComponent()}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) || _origins.Contains(origin);
    }

    /// <summary>Adds the CORS response headers for an allowed origin (none for others: the browser then blocks).</summary>
    public void Apply(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Headers.Origin.Count == 0 || _origins.Count == 0)
        {
            return;
        }

        var result = _cors.EvaluatePolicy(context, _policy);
        _cors.ApplyResult(result, context.Response);
    }

    /// <summary>Answers a preflight: 204 with the allowed methods and headers when the origin is allowed.</summary>
    public IResult Preflight(HttpContext context)
    {
        Apply(context);
        return Results.NoContent();
    }
}
