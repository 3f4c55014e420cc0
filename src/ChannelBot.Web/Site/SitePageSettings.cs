using System.Text.Json.Serialization;

namespace ChannelBot.Web.Site;

/// <summary>What the landing page's script (<c>wwwroot/site/chat.js</c>) reads from the page: names, colours, URLs.</summary>
public sealed class SitePageSettings
{
    /// <summary>The city's name by language code (<c>en</c>, <c>es</c>).</summary>
    [JsonPropertyName("cityNames")]
    public required IReadOnlyDictionary<string, string> CityNames { get; init; }

    /// <summary>The languages the resident can pick, the default first.</summary>
    [JsonPropertyName("languages")]
    public required IReadOnlyList<string> Languages { get; init; }

    [JsonPropertyName("primaryColor")]
    public required string PrimaryColor { get; init; }

    [JsonPropertyName("textOnPrimaryColor")]
    public required string TextOnPrimaryColor { get; init; }

    [JsonPropertyName("botAvatarInitials")]
    public string? BotAvatarInitials { get; init; }

    /// <summary>Where the page gets its Direct Line token (<c>POST</c>), with the app's path base.</summary>
    [JsonPropertyName("sessionUrl")]
    public required string SessionUrl { get; init; }

    /// <summary>Shown inside another site's iframe: a compact header.</summary>
    [JsonPropertyName("embedded")]
    public bool Embedded { get; init; }
}
