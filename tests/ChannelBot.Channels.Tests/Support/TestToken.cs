using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChannelBot.Channels.Tests.Support;

/// <summary>
/// The description of one bearer token a test sends; vary it with <c>with</c>. Times are explicit, so the
/// validity of a token depends only on the test clock.
/// </summary>
public sealed record TestToken(
    SecurityKey SigningKey,
    string Issuer,
    string Audience,
    DateTime NotBefore,
    DateTime Expires,
    IReadOnlyDictionary<string, object> Claims,
    string Algorithm = SecurityAlgorithms.RsaSha256)
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    /// <summary>A token an Azure Bot Service channel would send for <paramref name="appId"/>, valid at <paramref name="now"/>.</summary>
    public static TestToken Channel(TestSigningKey key, string appId, DateTimeOffset now) => new(
        key.SecurityKey,
        "https://api.botframework.com",
        appId,
        now.UtcDateTime.AddMinutes(-5),
        now.UtcDateTime.AddMinutes(55),
        new Dictionary<string, object> { ["serviceurl"] = ServiceUrl });

    /// <summary>An AAD v1 token the Emulator would send (<c>appid</c> claim).</summary>
    public static TestToken EmulatorV1(TestSigningKey key, string appId, DateTimeOffset now) => new(
        key.SecurityKey,
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        appId,
        now.UtcDateTime.AddMinutes(-5),
        now.UtcDateTime.AddMinutes(55),
        new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = appId });

    /// <summary>An AAD v2 token the Emulator would send (<c>azp</c> claim).</summary>
    public static TestToken EmulatorV2(TestSigningKey key, string appId, DateTimeOffset now) => new(
        key.SecurityKey,
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        appId,
        now.UtcDateTime.AddMinutes(-5),
        now.UtcDateTime.AddMinutes(55),
        new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = appId });

    public TestToken WithClaim(string name, object value) =>
        this with { Claims = new Dictionary<string, object>(Claims) { [name] = value } };

    public string Encode()
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            NotBefore = NotBefore,
            Expires = Expires,
            IssuedAt = NotBefore,
            Claims = new Dictionary<string, object>(Claims),
            SigningCredentials = new SigningCredentials(SigningKey, Algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The same claims with <c>"alg":"none"</c> and no signature.</summary>
    public string EncodeUnsigned()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var signed = new JsonWebToken(Encode());
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(signed.EncodedPayload));
        return $"{header}.{Base64UrlEncoder.Encode(payload)}.";
    }

    public string Header() => "Bearer " + Encode();
}
