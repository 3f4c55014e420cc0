using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChannelBot.Channels.Connector;

/// <summary>
/// The Bot Framework key set lists, per signing key, the channel ids the key may speak for
/// (<c>"endorsements": ["msteams", ...]</c>). A token signed by a key with endorsements is only good for an
/// activity of one of those channels; a key without endorsements makes no claim.
/// </summary>
internal static class ConnectorEndorsements
{
    private const string EndorsementsMember = "endorsements";

    /// <summary>The endorsements of the key with this id, or null when the key has none (or is unknown).</summary>
    public static IReadOnlyList<string>? Of(OpenIdConnectConfiguration configuration, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrEmpty(keyId) || configuration.JsonWebKeySet is null)
        {
            return null;
        }

        var key = configuration.JsonWebKeySet.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        return key is null ? null : Read(key);
    }

    /// <summary>True when the key either makes no claim or endorses the channel (an activity without a channel id passes, as in the SDK).</summary>
    public static bool Allows(IReadOnlyList<string>? endorsements, string? channelId) =>
        endorsements is null || string.IsNullOrEmpty(channelId) || endorsements.Contains(channelId, StringComparer.Ordinal);

    private static List<string>? Read(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue(EndorsementsMember, out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToList(),
            IEnumerable<object> items => items.OfType<string>().ToList(),
            _ => [],
        };
    }
}
