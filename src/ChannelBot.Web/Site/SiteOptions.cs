namespace ChannelBot.Web.Site;

/// <summary>
/// The resident-facing landing page at <c>/</c> with the web chat widget (section <c>Site</c>): the city's name,
/// colours and logo. Everything the page loads comes from this app's own origin, so the logo is a path on this
/// site (a file under <c>wwwroot/</c> or served by the reverse proxy), never another host.
/// </summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>Serve the landing page at <c>/</c> (and <c>/site/embed.js</c> for other sites). Off: <c>/</c> answers 404.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The name in the page's heading and title. Empty: the name from <c>dialogs/city.yaml</c>, in the page's language.</summary>
    public string? CityName { get; set; }

    /// <summary>The city's colour (header, the widget's accent, the resident's bubbles): <c>#rgb</c> or <c>#rrggbb</c>.</summary>
    public string PrimaryColor { get; set; } = "#1b4f72";

    /// <summary>Text drawn on the primary colour: <c>#rgb</c> or <c>#rrggbb</c>, readable against it.</summary>
    public string TextOnPrimaryColor { get; set; } = "#ffffff";

    /// <summary>The logo, a path on this site (e.g. <c>/site/logo.svg</c>, the placeholder). Empty: no logo.</summary>
    public string? LogoUrl { get; set; } = "/site/logo.svg";

    /// <summary>What a screen reader says for the logo. Empty: "{city name} logo".</summary>
    public string? LogoAltText { get; set; }

    /// <summary>The initials in the bot's avatar circle (at most 4 characters). Empty: no avatar.</summary>
    public string? BotAvatarInitials { get; set; } = "311";
}
