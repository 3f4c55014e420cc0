using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: HS256 JWTs bound to one conversation (<c>conv</c>) and one user
/// (<c>user</c>, the claim Web Chat and directlinejs read the user id from). A token whose <c>scp</c> is
/// <c>stream</c> opens that conversation's WebSocket and nothing else; a conversation token never has one.
/// Expiry is judged by the <see cref="TimeProvider"/>, with no clock skew: we issue and check on the same clock.
/// </summary>
internal sealed class DirectLineTokens
{
    public const string ConversationClaim = "conv";
    public const string UserClaim = "user";
    public const string UserNameClaim = "name";
    public const string ScopeClaim = "scp";
    public const string StreamScope = "stream";
    public const string Issuer = "channelbot/directline";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly DirectLineOptions _options;
    private readonly TimeProvider _clock;
    private readonly SymmetricSecurityKey? _key;
    private readonly byte[]? _secretHash;

    public DirectLineTokens(IOptions<DirectLineOptions> options, IHostEnvironment environment, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _options = options.Value;
        _clock = clock;
        var key = DirectLineOptionsValidator.DecodeKey(_options.TokenSigningKey);
        if (key is null && environment.IsDevelopment())
        {
            // A developer's machine: a key of our own, good until the process stops.
            key = RandomNumberGenerator.GetBytes(48);
            GeneratedKey = true;
        }

        _key = key is null ? null : new SymmetricSecurityKey(key);
        IsEnabled = _key is not null && _options.Enabled != false;
        _secretHash = string.IsNullOrWhiteSpace(_options.Secret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(_options.Secret.Trim()));
    }

    /// <summary>False when the channel is off (switched off, or no key outside Development): every route refuses.</summary>
    public bool IsEnabled { get; }

    /// <summary>True when the key was generated at start-up (Development with no configured key).</summary>
    public bool GeneratedKey { get; }

    /// <summary>True when <paramref name="presented"/> is the configured secret (compared in constant time).</summary>
    public bool IsSecret(string presented)
    {
        if (_secretHash is null || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(hash, _secretHash);
    }

    /// <summary>A conversation token, valid for <see cref="DirectLineOptions.TokenLifetime"/>.</summary>
    public DirectLineIssuedToken Issue(string conversationId, string userId, string? userName) =>
        Issue(conversationId, userId, userName, _options.TokenLifetime, scope: null);

    /// <summary>A token that opens the conversation's WebSocket, valid for <see cref="DirectLineOptions.StreamUrlLifetime"/>.</summary>
    public DirectLineIssuedToken IssueStream(string conversationId, string userId) =>
        Issue(conversationId, userId, userName: null, _options.StreamUrlLifetime, StreamScope);

    /// <summary>Checks a conversation token (<paramref name="stream"/> false) or a stream token (true).</summary>
    public async Task<DirectLineTokenCheck> ValidateAsync(string token, bool stream)
    {
        if (_key is null || string.IsNullOrWhiteSpace(token) || token.Length > 8192)
        {
            return DirectLineTokenCheck.Invalid;
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateLifetime = false,   // judged below against the TimeProvider
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
        var result = await Handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return DirectLineTokenCheck.Invalid;
        }

        var conversationId = Claim(jwt, ConversationClaim);
        var userId = Claim(jwt, UserClaim);
        var scope = Claim(jwt, ScopeClaim);
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(userId)
            || stream != string.Equals(scope, StreamScope, StringComparison.Ordinal))
        {
            return DirectLineTokenCheck.Invalid;
        }

        if (new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) <= _clock.GetUtcNow())
        {
            return DirectLineTokenCheck.Expired;
        }

        return new DirectLineTokenCheck(DirectLineTokenStatus.Valid, conversationId, userId, Claim(jwt, UserNameClaim));
    }

    private DirectLineIssuedToken Issue(string conversationId, string userId, string? userName, TimeSpan lifetime, string? scope)
    {
        if (_key is null)
        {
            throw new InvalidOperationException("Direct Line is off: no token signing key.");
        }

        var now = _clock.GetUtcNow();
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [ConversationClaim] = conversationId,
            [UserClaim] = userId,
            [JwtRegisteredClaimNames.Jti] = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
        };
        if (!string.IsNullOrEmpty(userName))
        {
            claims[UserNameClaim] = userName;
        }

        if (scope is not null)
        {
            claims[ScopeClaim] = scope;
        }

        // JWT times are whole seconds: expiry is rounded down so the token never outlives what expires_in says.
        var issued = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expires = DateTimeOffset.FromUnixTimeSeconds((now + lifetime).ToUnixTimeSeconds());
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Claims = claims,
            IssuedAt = issued.UtcDateTime,
            NotBefore = issued.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        };
        var token = Handler.CreateToken(descriptor);
        return new DirectLineIssuedToken(token, (int)Math.Max(1, (expires - now).TotalSeconds));
    }

    private static string? Claim(JsonWebToken jwt, string type) =>
        jwt.TryGetPayloadValue<string>(type, out var value) ? value : null;
}
