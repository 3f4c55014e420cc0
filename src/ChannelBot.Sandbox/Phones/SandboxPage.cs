using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text;
using ChannelBot.Channels.Meta;
using ChannelBot.Channels.Twilio;
using ChannelBot.Sandbox.Meta;
using ChannelBot.Sandbox.Twilio;

namespace ChannelBot.Sandbox.Phones;

/// <summary>
/// <c>/sandbox</c> (Development only): the landing page's web chat (framed, so the same Web Chat bundle and session
/// endpoint) next to an SMS, a WhatsApp and a Messenger phone, driven by <c>wwwroot/sandbox/sandbox.js</c>. Its
/// Content-Security-Policy allows nothing but this app (no inline script).
/// </summary>
public sealed class SandboxPage(SandboxTwilioWebhook twilio, SandboxMessengerWebhook messenger)
{
    public const string Path = "/sandbox";

    /// <summary>The residents the phones start as (555-01xx numbers are reserved for fiction).</summary>
    public const string SmsResident = "+15555550123";

    public const string WhatsAppResident = "+15555550124";

    public const string MessengerResident = "6512300000000042";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IResult Render(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var basePath = http.Request.PathBase.Value ?? string.Empty;
        var settings = new SandboxPageSettings
        {
            Phones = new Dictionary<string, SandboxPhoneSettings>
            {
                ["sms"] = Phone(basePath, SandboxChannel.Sms, twilio.IsOn, TwilioSandbox.ReceivedPath + "?to=", SmsResident),
                ["whatsapp"] = Phone(basePath, SandboxChannel.WhatsApp, twilio.IsOn, TwilioSandbox.ReceivedPath + "?to=", WhatsAppResident, "whatsapp:"),
                ["messenger"] = Phone(basePath, SandboxChannel.Messenger, messenger.IsOn, MetaSandbox.ReceivedPath + "?psid=", MessengerResident),
            },
        };

        var html = HtmlEncoder.Default;
        var page = new StringBuilder(8192);
        page.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>ChannelBot sandbox</title>
            <link rel="icon" href="{html.Encode(basePath)}/site/logo.svg" type="image/svg+xml">
            <link rel="stylesheet" href="{html.Encode(basePath)}/sandbox/sandbox.css">
            <script type="application/json" id="channelbot-sandbox">{JsonSerializer.Serialize(settings, Json)}</script>
            </head>
            <body class="sandbox">
            <header class="sandbox__header">
            <h1>Channel sandbox</h1>
            <p>File a report on every channel without an account: type <kbd>pothole</kbd> into any phone or the web chat and answer the questions.
            Each phone sends what a real phone would, through the app's real webhooks (signed with the development secrets), and shows what the bot
            sent back through the fake Twilio and Graph APIs built into this app. Development only.</p>
            <p>Then change the report's status in the <a href="{html.Encode(basePath)}/staff">staff console</a> and watch the phone hear it: sign in as the
            demo operator whose login and password the app wrote to its log at start-up.</p>
            </header>
            <main class="sandbox__devices">
            <section class="device device--webchat" aria-labelledby="webchat-title">
            <h2 id="webchat-title">Web chat</h2>
            <p class="device__about">The landing page's chat widget, as residents see it on the city's site.</p>
            <iframe class="device__frame" id="sandbox-webchat" title="Web chat" src="{html.Encode(basePath)}/?embed=1"></iframe>
            </section>

            """);
        AppendPhone(page, html, "sms", "SMS", $"Texts the city's number {twilio.SmsNumber}. A photo goes as an MMS.", "Your phone number", location: false, placeField: false);
        AppendPhone(page, html, "whatsapp", "WhatsApp", $"Messages the city's WhatsApp {twilio.WhatsAppNumber}. Photos and location pins work.", "Your WhatsApp number", location: true, placeField: true);
        AppendPhone(page, html, "messenger", "Messenger", $"Messages the city's Facebook Page ({messenger.PageId}). Tap a quick reply to answer.", "Your PSID (page-scoped id)", location: true, placeField: false);
        page.Append(CultureInfo.InvariantCulture, $"""
            </main>
            <script src="{html.Encode(basePath)}/sandbox/sandbox.js"></script>
            </body>
            </html>

            """);

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(page.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>Everything from this app; the web chat framed from this app; blob: for the preview of a picked photo.</summary>
    public static string ContentSecurityPolicy => string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'");

    private static SandboxPhoneSettings Phone(string basePath, SandboxChannel channel, bool on, string received, string resident, string prefix = "") => new()
    {
        On = on,
        OffReason = on ? null : SandboxPhoneEndpoints.OffReason(channel),
        SendUrl = basePath + SandboxPhoneEndpoints.PathOf(channel),
        ReceivedUrl = basePath + received,
        AddressPrefix = prefix,
        Resident = resident,
    };

    private static void AppendPhone(StringBuilder page, HtmlEncoder html, string id, string title, string about, string identity, bool location, bool placeField)
    {
        page.Append(CultureInfo.InvariantCulture, $"""
            <section class="device phone" id="phone-{id}" data-phone="{id}" aria-labelledby="phone-{id}-title">
            <h2 id="phone-{id}-title">{html.Encode(title)}</h2>
            <p class="device__about">{html.Encode(about)}</p>
            <label class="phone__identity">{html.Encode(identity)} <input class="phone__address" name="address" autocomplete="off" spellcheck="false"></label>
            <p class="phone__off" hidden></p>
            <ol class="phone__screen" tabindex="0" aria-live="polite" aria-label="{html.Encode(title)} conversation"></ol>
            <div class="phone__quick-replies" role="group" aria-label="Quick replies"></div>
            <form class="phone__compose">
            <input class="phone__text" name="text" placeholder="Type a message" aria-label="{html.Encode(title)} message" autocomplete="off">
            <button class="phone__send" type="submit">Send</button>
            </form>
            <div class="phone__tools">
            <label class="phone__attach">Attach photo <input class="phone__photo" type="file" accept="image/jpeg,image/png,image/gif,image/webp"></label>
            <span class="phone__attached" aria-live="polite"></span>

            """);
        if (location)
        {
            page.Append("""
                <button class="phone__send-location" type="button">Send my location</button>
                <details class="phone__location"><summary>Location to send</summary>
                <label>Latitude <input class="phone__latitude" value="39.9242266" inputmode="decimal"></label>
                <label>Longitude <input class="phone__longitude" value="-83.8088171" inputmode="decimal"></label>
                <label>Name <input class="phone__label" placeholder="(optional)"></label>

                """);
            if (placeField)
            {
                page.Append("""
                    <label>Address <input class="phone__place" placeholder="(optional)"></label>

                    """);
            }

            page.Append("""
                </details>

                """);
        }

        page.Append("""
            </div>
            <p class="phone__status" role="status"></p>
            </section>

            """);
    }
}
