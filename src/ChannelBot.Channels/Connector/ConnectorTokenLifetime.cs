using Microsoft.IdentityModel.Tokens;

namespace ChannelBot.Channels.Connector;

/// <summary>
/// Lifetime validation on an injected clock: <see cref="TokenValidationParameters"/> reads the system clock,
/// so its check is replaced by this one (same rules: <c>exp</c> required, <c>nbf</c>/<c>exp</c> with skew).
/// </summary>
internal static class ConnectorTokenLifetime
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static LifetimeValidator Validator(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return (notBefore, expires, _, _) =>
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            if (expires is null)
            {
                throw new SecurityTokenNoExpirationException("The token has no expiration time.");
            }

            if (notBefore is { } from && from > expires.Value)
            {
                throw new SecurityTokenInvalidLifetimeException("The token's not-before time is after its expiration time.")
                {
                    NotBefore = from,
                    Expires = expires,
                };
            }

            if (notBefore is { } start && start > now + ClockSkew)
            {
                throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = start };
            }

            if (expires.Value < now - ClockSkew)
            {
                throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
            }

            return true;
        };
    }
}
