using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChannelBot.Channels.Tests.Support;

/// <summary>
/// Plays login.botframework.com and login.microsoftonline.com for inbound token validation: OpenID metadata
/// and key sets for the channel path and the Emulator path, served by WireMock on loopback.
/// </summary>
public sealed class FakeIdentityProvider : IDisposable
{
    public FakeIdentityProvider(IEnumerable<TestSigningKey> channelKeys, IEnumerable<TestSigningKey> emulatorKeys)
    {
        Server = WireMockServer.Start();
        Publish("channel", "https://api.botframework.com", channelKeys);
        Publish("emulator", "https://login.microsoftonline.com/{tenantid}/v2.0", emulatorKeys);
    }

    public WireMockServer Server { get; }

    public string ChannelMetadataUrl => $"{Server.Url}/channel/.well-known/openidconfiguration";

    public string EmulatorMetadataUrl => $"{Server.Url}/emulator/.well-known/openid-configuration";

    /// <summary>Settings that point the Connector channel at this provider, for bot <paramref name="appId"/>.</summary>
    public Dictionary<string, string?> SettingsFor(string appId) => new()
    {
        ["Connector:MicrosoftAppId"] = appId,
        ["Connector:MicrosoftAppPassword"] = "test-password",
        ["Connector:ChannelOpenIdMetadataUrl"] = ChannelMetadataUrl,
        ["Connector:EmulatorOpenIdMetadataUrl"] = EmulatorMetadataUrl,
        ["Connector:RequireHttpsMetadata"] = "false",
    };

    public void Dispose() => Server.Stop();

    private static string KeySet(IEnumerable<TestSigningKey> keys) =>
        new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.ToJwk()).ToArray()) }.ToJsonString();

    private void Publish(string path, string issuer, IEnumerable<TestSigningKey> keys)
    {
        var metadataPath = path == "channel" ? "/channel/.well-known/openidconfiguration" : "/emulator/.well-known/openid-configuration";
        var metadata = new JsonObject
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = $"{Server.Url}/{path}/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        };

        Server.Given(Request.Create().WithPath(metadataPath).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(metadata.ToJsonString()));
        Server.Given(Request.Create().WithPath($"/{path}/keys").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(KeySet(keys)));
    }
}
