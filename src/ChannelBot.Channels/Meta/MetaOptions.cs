namespace ChannelBot.Channels.Meta;

/// <summary>
/// Settings of the Facebook Messenger channel through the Meta Messenger Platform (section <c>Meta</c>).
/// <para>
/// The webhook <c>GET/POST /api/meta/webhook</c> is open only when it can be verified: the handshake needs
/// <see cref="VerifyToken"/>, the events need <see cref="AppSecret"/> (every POST must carry
/// <c>X-Hub-Signature-256</c>, the HMAC-SHA256 of the raw body with the app secret). Without them the endpoint
/// answers 403 to everything (fail closed). Sending needs <see cref="PageAccessToken"/>; without it the
/// <c>facebook</c> channel id is left to the Bot Framework Connector (Azure Bot Service relays Messenger too).
/// </para>
/// <para>
/// Development only: when the host environment is <c>Development</c> and <see cref="AppSecret"/> is empty,
/// <see cref="DevelopmentAppSecret"/> verifies the events instead, so a developer can sign test posts the way Meta
/// does. Outside Development it is ignored.
/// </para>
/// </summary>
public sealed class MetaOptions
{
    public const string SectionName = "Meta";

    public const string DefaultGraphBaseUrl = "https://graph.facebook.com";

    public const string DefaultGraphVersion = "v23.0";

    /// <summary>The development app secret's default. Public by design: it protects nothing outside Development.</summary>
    public const string DefaultDevelopmentAppSecret = "channelbot-development-meta-app-secret";

    public const string DefaultOptOutConfirmation =
        "You will get no more messages from us here. Send START to get messages again. / No recibirá más mensajes nuestros aquí. Envíe START para volver a recibirlos.";

    public const string DefaultOptInConfirmation =
        "You will get messages from us here again. Send STOP to opt out. / Volverá a recibir mensajes nuestros aquí. Envíe STOP para no recibirlos.";

    /// <summary>The Meta app's secret (App settings → Basic): it signs every webhook POST. Secret.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The token typed into the app's webhook settings next to the callback URL; Meta echoes it in the GET handshake. Secret.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The Page access token the Send API is called with. Secret.</summary>
    public string? PageAccessToken { get; set; }

    /// <summary>The Facebook Page's id: the <c>recipient.id</c> of every event for our Page (events for other Pages are ignored).</summary>
    public string? PageId { get; set; }

    /// <summary>The Graph API origin (a fake Graph API in tests).</summary>
    public string GraphBaseUrl { get; set; } = DefaultGraphBaseUrl;

    /// <summary>The Graph API version of every call, e.g. <c>v23.0</c>.</summary>
    public string GraphVersion { get; set; } = DefaultGraphVersion;

    /// <summary>The largest webhook body accepted, in bytes. Meta batches events; 256 KiB holds hundreds of them.</summary>
    public long MaxBodyBytes { get; set; } = 262_144;

    /// <summary>The app secret used in Development when <see cref="AppSecret"/> is empty. Ignored in every other environment.</summary>
    public string? DevelopmentAppSecret { get; set; } = DefaultDevelopmentAppSecret;

    /// <summary>How long one Send API call may take.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Approved utility message templates of the Page, by purpose and language:
    /// <c>Meta:UtilityTemplates:{purpose}:{language}</c> = the template's name, e.g.
    /// <c>Meta:UtilityTemplates:status_update:es</c>. Outside Messenger's 24-hour window a notification is sent as its
    /// purpose's template in the resident's language (<c>messaging_type</c> <c>UTILITY</c>; never a message tag); with
    /// none configured it goes to another channel the resident gave us, or the case records "cannot notify".
    /// Purposes and their variables: <see cref="Application.Messaging.NotificationPurposes"/>.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> UtilityTemplates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The one message confirming an opt-out (STOP, "please stop messaging me"). Messenger has no platform keyword handling.</summary>
    public string OptOutConfirmation { get; set; } = DefaultOptOutConfirmation;

    /// <summary>The one message confirming an opt-in (START after an opt-out).</summary>
    public string OptInConfirmation { get; set; } = DefaultOptInConfirmation;
}
