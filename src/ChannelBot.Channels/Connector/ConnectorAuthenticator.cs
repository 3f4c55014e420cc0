using ChannelBot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChannelBot.Channels.Connector;

/// <summary>
/// Checks the <c>Authorization</c> header of a <c>POST /api/messages</c> the way the Bot Framework SDK does
/// (botbuilder-dotnet <c>JwtTokenValidation.AuthenticateRequest</c>):
/// <list type="bullet">
/// <item>No App ID configured: authentication is off. A request without a header is anonymous; a request
/// with one is refused, because there is no App ID to check it against (the SDK fails it the same way,
/// and the Emulator then tells its user to clear the App ID and password).</item>
/// <item>Token issued by one of the AAD Emulator issuers: Emulator path (keys from the Emulator metadata,
/// audience our App ID, <c>appid</c> (v1) or <c>azp</c> (v2) our App ID).</item>
/// <item>Anything else: channel path (issuer <c>https://api.botframework.com</c>, audience our App ID, keys
/// from the Bot Framework metadata with their endorsements, <c>serviceurl</c> claim equal to the activity's
/// <c>serviceUrl</c>, compared ignoring case as the SDK does).</item>
/// </list>
/// Both paths: RS256/RS384/RS512 only, signed, <c>nbf</c>/<c>exp</c> with 5 minutes of skew on
/// <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ConnectorAuthenticator(
    IOptions<ConnectorOptions> options,
    ConnectorOpenIdMetadata metadata,
    TimeProvider timeProvider)
{
    private const string BearerScheme = "Bearer";
    private const string ServiceUrlClaim = "serviceurl";
    private const string VersionClaim = "ver";
    private const string AppIdClaim = "appid";
    private const string AuthorizedPartyClaim = "azp";

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly ConnectorOptions _options = options.Value;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<ConnectorAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var hasHeader = !string.IsNullOrWhiteSpace(authorizationHeader);

        if (!_options.IsAuthenticationEnabled)
        {
            if (hasHeader)
            {
                return ConnectorAuthenticationResult.Reject("a token was sent but no App ID is configured to check it against");
            }

            if (_options.AllowAnonymous != true)
            {
                return ConnectorAuthenticationResult.Reject("no App ID is configured and anonymous posts are only accepted in Development (Connector:AllowAnonymous)");
            }

            return AnonymousProblem(activity) is { } problem
                ? ConnectorAuthenticationResult.Reject(problem)
                : ConnectorAuthenticationResult.Anonymous;
        }

        if (!hasHeader)
        {
            return ConnectorAuthenticationResult.Reject("no Authorization header");
        }

        if (!TryReadBearer(authorizationHeader!, out var token))
        {
            return ConnectorAuthenticationResult.Reject("the Authorization header is not 'Bearer <token>'");
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = new JsonWebToken(token);
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenMalformedException)
        {
            return ConnectorAuthenticationResult.Reject("the token is not a well-formed JWT");
        }

        // Checked up front as the SDK does (and again by the handler through ValidAlgorithms): "none",
        // HMAC and RSA-PSS never reach signature validation.
        if (!AllowedAlgorithms.Contains(unvalidated.Alg, StringComparer.Ordinal))
        {
            return ConnectorAuthenticationResult.Reject($"the token's algorithm '{Shorten(unvalidated.Alg)}' is not allowed");
        }

        return _options.EffectiveEmulatorIssuers.Contains(unvalidated.Issuer, StringComparer.Ordinal)
            ? await ValidateEmulatorTokenAsync(token, activity, cancellationToken).ConfigureAwait(false)
            : await ValidateChannelTokenAsync(token, activity, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ConnectorAuthenticationResult> ValidateChannelTokenAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        var appId = _options.MicrosoftAppId!;
        var parameters = CreateParameters(metadata.Channel, [_options.ChannelIssuer], [appId]);
        var (failure, validated) = await ValidateAsync(token, parameters, metadata.Channel, activity, ConnectorAuthenticationResult.ChannelPath, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        if (activity.ServiceUrl is not null)
        {
            var claimed = validated!.TryGetPayloadValue<string>(ServiceUrlClaim, out var value) ? value : null;
            if (string.IsNullOrWhiteSpace(claimed))
            {
                return ConnectorAuthenticationResult.Reject("the channel token has no serviceurl claim");
            }

            if (!string.Equals(claimed, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return ConnectorAuthenticationResult.Reject("the token's serviceurl claim does not match the activity's serviceUrl");
            }
        }

        return ConnectorAuthenticationResult.Valid(ConnectorAuthenticationResult.ChannelPath);
    }

    private async Task<ConnectorAuthenticationResult> ValidateEmulatorTokenAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        var appId = _options.MicrosoftAppId!;
        var parameters = CreateParameters(metadata.Emulator, _options.EffectiveEmulatorIssuers, [appId, $"api://{appId}"]);
        var (failure, validated) = await ValidateAsync(token, parameters, metadata.Emulator, activity, ConnectorAuthenticationResult.EmulatorPath, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        if (!validated!.TryGetPayloadValue<string>(VersionClaim, out var version))
        {
            return ConnectorAuthenticationResult.Reject("the Emulator token has no 'ver' claim");
        }

        var appIdClaim = string.IsNullOrWhiteSpace(version) || version == "1.0" ? AppIdClaim
            : version == "2.0" ? AuthorizedPartyClaim
            : null;
        if (appIdClaim is null)
        {
            return ConnectorAuthenticationResult.Reject("the Emulator token has an unknown version");
        }

        var tokenAppId = validated.TryGetPayloadValue<string>(appIdClaim, out var claimed) ? claimed : null;
        return string.Equals(tokenAppId, appId, StringComparison.OrdinalIgnoreCase)
            ? ConnectorAuthenticationResult.Valid(ConnectorAuthenticationResult.EmulatorPath)
            : ConnectorAuthenticationResult.Reject($"the Emulator token's '{appIdClaim}' claim is not this bot's App ID");
    }

    private async Task<(ConnectorAuthenticationResult? Failure, JsonWebToken? Token)> ValidateAsync(
        string token,
        TokenValidationParameters parameters,
        ConfigurationManager<OpenIdConnectConfiguration> configurationManager,
        Activity activity,
        string path,
        CancellationToken cancellationToken)
    {
        try
        {
            // Fetched (or served from cache) before validating, so that "keys unreachable" is told apart from
            // "token invalid": the first is ours to fix (503), the second the caller's (401).
            await configurationManager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (ConnectorAuthenticationResult.Unavailable($"the {path} OpenID metadata could not be fetched: {exception.Message}"), null);
        }

        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (ConnectorAuthenticationResult.Reject($"the {path} token is not valid: {Describe(result.Exception)}"), null);
        }

        var validated = (JsonWebToken)result.SecurityToken;
        var configuration = await configurationManager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var endorsements = ConnectorEndorsements.Of(configuration, validated.SigningKey?.KeyId ?? validated.Kid);
        if (!ConnectorEndorsements.Allows(endorsements, activity.ChannelId))
        {
            return (ConnectorAuthenticationResult.Reject($"the signing key does not endorse channel '{Shorten(activity.ChannelId)}'"), null);
        }

        return (null, validated);
    }

    private TokenValidationParameters CreateParameters(
        ConfigurationManager<OpenIdConnectConfiguration> configurationManager,
        IReadOnlyList<string> issuers,
        string[] audiences) => new()
        {
            ConfigurationManager = configurationManager,
            ValidateIssuer = true,
            IssuerValidator = (issuer, _, _) => issuers.Contains(issuer, StringComparer.Ordinal)
                ? issuer
                : throw new SecurityTokenInvalidIssuerException("The token's issuer is not accepted on this path.") { InvalidIssuer = issuer },
            ValidateAudience = true,
            ValidAudiences = audiences,
            IgnoreCaseWhenValidatingAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            LifetimeValidator = ConnectorTokenLifetime.Validator(timeProvider),
            ClockSkew = ConnectorTokenLifetime.ClockSkew,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = AllowedAlgorithms,
        };

    /// <summary>
    /// Anonymous posts are the Bot Framework Emulator on this machine, nothing else: channel <c>emulator</c> (so no one
    /// speaks as an SMS, WhatsApp or Messenger resident, whose conversations and replies belong to those channels) and a
    /// loopback <c>serviceUrl</c> (so the bot's replies go back to the Emulator, never to an address someone chose).
    /// </summary>
    private static string? AnonymousProblem(Activity activity)
    {
        // A missing channelId or an unusable serviceUrl is left to the activity's own checks (a 400 naming the field).
        if (!string.IsNullOrWhiteSpace(activity.ChannelId) && !string.Equals(activity.ChannelId, ChannelIds.Emulator, StringComparison.Ordinal))
        {
            return "anonymous posts are accepted only on the Emulator's own channel (channelId 'emulator')";
        }

        return ConnectorRoutes.TryParseServiceUrl(activity.ServiceUrl, out var serviceUrl) && !IsLoopback(serviceUrl!)
            ? "anonymous posts are accepted only with a loopback serviceUrl (the Emulator on this machine)"
            : null;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback
        || (System.Net.IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));

    private static bool TryReadBearer(string header, out string token)
    {
        token = string.Empty;
        var parts = header.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = parts[1];
        return true;
    }

    /// <summary>Caller-controlled text, cut short before it goes into a log line.</summary>
    private static string Shorten(string? text) => text is { Length: > 32 } ? text[..32] + "…" : text ?? string.Empty;

    private static string Describe(Exception? exception) => exception switch
    {
        null => "unknown reason",
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not valid yet",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "signed by an unknown key",
        SecurityTokenInvalidSignatureException => "bad signature",
        _ => exception.GetType().Name,
    };
}
