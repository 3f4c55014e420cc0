namespace ChannelBot.Channels.Connector;

/// <summary>
/// Settings of the Bot Framework Connector channel (section <c>Connector</c>). With no
/// <see cref="MicrosoftAppId"/> the channel runs unauthenticated, the way a local Emulator session without
/// credentials expects: inbound requests need no token and outbound calls carry none.
/// </summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Connector";

    public const string DefaultChannelOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";
    public const string DefaultChannelIssuer = "https://api.botframework.com";
    public const string DefaultOAuthScope = "https://api.botframework.com/.default";
    public const string MultiTenantAuthority = "botframework.com";

    /// <summary>Issuers of Emulator tokens (AAD v1 and v2, Bot Framework tenants and US Government).</summary>
    public static IReadOnlyList<string> DefaultEmulatorIssuers { get; } =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
    ];

    /// <summary>The channel ids whose activities this channel's sender delivers by name.</summary>
    public static IReadOnlyList<string> DefaultHandledChannelIds { get; } = ["emulator", "msteams"];

    /// <summary>The bot's App ID. Null or empty turns authentication off in both directions.</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The AAD tenant of a single-tenant bot; null for a multi-tenant bot (<c>botframework.com</c>).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    public string ChannelOpenIdMetadataUrl { get; set; } = DefaultChannelOpenIdMetadataUrl;

    public string EmulatorOpenIdMetadataUrl { get; set; } = DefaultEmulatorOpenIdMetadataUrl;

    /// <summary>The OAuth token endpoint for outbound calls; null derives it from <see cref="MicrosoftAppTenantId"/>.</summary>
    public string? TokenEndpoint { get; set; }

    public string OAuthScope { get; set; } = DefaultOAuthScope;

    /// <summary>The largest <c>/api/messages</c> body accepted, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 262_144;

    /// <summary>The issuer of tokens that Azure Bot Service channels send.</summary>
    public string ChannelIssuer { get; set; } = DefaultChannelIssuer;

    /// <summary>Issuers accepted on the Emulator path. Empty means <see cref="DefaultEmulatorIssuers"/>; a configured list replaces them.</summary>
    public List<string> EmulatorIssuers { get; set; } = [];

    /// <summary>
    /// Metadata and key documents must come over HTTPS (as ASP.NET's JwtBearer <c>RequireHttpsMetadata</c>).
    /// Turn off only for a local test identity provider.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Channel ids the sender claims by name. Empty means <see cref="DefaultHandledChannelIds"/>.</summary>
    public List<string> HandledChannelIds { get; set; } = [];

    /// <summary>
    /// When true the sender also claims every other channel id, for activities that carry a <c>serviceUrl</c>
    /// and that no other sender took: the composition root must consult it after every other sender.
    /// </summary>
    public bool HandleUnclaimedChannels { get; set; } = true;

    /// <summary>How long one outbound call to a channel may take before it counts as a transient failure.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// With no <see cref="MicrosoftAppId"/>, whether unauthenticated posts (the Bot Framework Emulator with no App
    /// ID) are accepted. Unset means: only when the app runs in the Development environment. Anywhere else an
    /// anonymous post is refused with 401, because its <c>serviceUrl</c> would make the bot call any address.
    /// </summary>
    public bool? AllowAnonymous { get; set; }

    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public IReadOnlyList<string> EffectiveEmulatorIssuers => EmulatorIssuers.Count > 0 ? EmulatorIssuers : DefaultEmulatorIssuers;

    public IReadOnlyList<string> EffectiveHandledChannelIds => HandledChannelIds.Count > 0 ? HandledChannelIds : DefaultHandledChannelIds;

    public string EffectiveTokenEndpoint => string.IsNullOrWhiteSpace(TokenEndpoint)
        ? $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? MultiTenantAuthority : MicrosoftAppTenantId.Trim())}/oauth2/v2.0/token"
        : TokenEndpoint;
}
