namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Settings of the Twilio channel: SMS, MMS and WhatsApp through Twilio Programmable Messaging (section
/// <c>Twilio</c>).
/// <para>
/// Inbound webhooks are accepted only when they carry a valid <c>X-Twilio-Signature</c> computed with the
/// signing token (<see cref="AuthToken"/>) over <see cref="PublicBaseUrl"/> + the route path + the query string
/// as received. With no signing token or no public URL the channel is off and its webhook endpoints refuse every
/// request with 403 (fail closed): nothing unsigned is ever accepted, in any environment.
/// </para>
/// <para>
/// Development only: when the host environment is <c>Development</c> and <see cref="AuthToken"/> is empty,
/// <see cref="DevelopmentAuthToken"/> signs instead, so a developer (e.g. with the official <c>twilio</c> npm
/// package) can produce requests that pass the same validator. Outside Development the development token is ignored.
/// </para>
/// </summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    public const string DefaultApiBaseUrl = "https://api.twilio.com";

    /// <summary>The development signing token's default. Public by design: it protects nothing outside Development.</summary>
    public const string DefaultDevelopmentAuthToken = "channelbot-development-twilio-auth-token";

    /// <summary>The account SID (<c>AC</c> + 32 hex digits) of the account or subaccount that owns the numbers.</summary>
    public string? AccountSid { get; set; }

    /// <summary>
    /// The account's primary Auth Token: it signs the webhooks (an API key secret cannot validate them). After a
    /// token rotation, set the promoted token here.
    /// </summary>
    public string? AuthToken { get; set; }

    /// <summary>
    /// The public origin (and path prefix, if any) Twilio calls, exactly as entered in the Twilio console, e.g.
    /// <c>https://311.example.gov</c>: the webhook URL signed by Twilio is this + <c>/api/twilio/messages</c> + the
    /// query string. It is never rebuilt from the request (a proxy or TLS terminator changes scheme, host and port).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The SMS/MMS sender number (E.164). One of <see cref="From"/> or <see cref="MessagingServiceSid"/> sends.</summary>
    public string? From { get; set; }

    /// <summary>The Messaging Service (<c>MG</c> + 32 hex digits) that picks the sender; preferred over <see cref="From"/>.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>The WhatsApp sender, <c>whatsapp:+E164</c>.</summary>
    public string? WhatsAppFrom { get; set; }

    /// <summary>
    /// Approved WhatsApp Content templates, by purpose and language: <c>Twilio:WhatsAppTemplates:{purpose}:{language}</c>
    /// = the template's ContentSid (<c>HX</c> + 32 hex digits), e.g. <c>Twilio:WhatsAppTemplates:status_update:es</c>.
    /// Outside WhatsApp's 24-hour window a notification is sent as its purpose's template in the resident's language
    /// (<c>ContentSid</c> + <c>ContentVariables</c>); with none configured it fails for good and staff see why.
    /// Purposes and their variables: <see cref="Application.Messaging.NotificationPurposes"/>.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> WhatsAppTemplates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The REST API origin (a fake Twilio API in tests).</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The largest webhook body accepted, in bytes. A full inbound message (1600 characters, 10 media) is well under 32 KiB.</summary>
    public long MaxBodyBytes { get; set; } = 65_536;

    /// <summary>The signing token used in Development when <see cref="AuthToken"/> is empty. Ignored in every other environment.</summary>
    public string? DevelopmentAuthToken { get; set; } = DefaultDevelopmentAuthToken;

    /// <summary>How long one REST call to Twilio (a send, a reconciling look-up) may take.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// True (the default) when Twilio answers the SMS keywords itself: its default opt-out handling, or Advanced
    /// Opt-Out on a Messaging Service, replies to STOP, START and HELP (set the HELP text there to the city's). We
    /// then record the keyword and send nothing, so the resident never gets two answers. Set false only when
    /// Twilio's replies are switched off: we then send <see cref="OptOutConfirmation"/> and
    /// <see cref="OptInConfirmation"/>, and HELP reaches the dialog's help. WhatsApp has no platform keyword
    /// handling: we always answer there.
    /// </summary>
    public bool TwilioAnswersSmsKeywords { get; set; } = true;

    /// <summary>The one message confirming an opt-out (STOP on WhatsApp, "please stop texting me" anywhere).</summary>
    public string OptOutConfirmation { get; set; } = DefaultOptOutConfirmation;

    /// <summary>The one message confirming an opt-in (START on WhatsApp).</summary>
    public string OptInConfirmation { get; set; } = DefaultOptInConfirmation;

    public const string DefaultOptOutConfirmation =
        "You will get no more messages from this number. Reply START to get messages again. / No recibirá más mensajes de este número. Responda START para volver a recibirlos.";

    public const string DefaultOptInConfirmation =
        "You will get messages from this number again. Reply STOP to opt out. / Volverá a recibir mensajes de este número. Responda STOP para no recibirlos.";
}
