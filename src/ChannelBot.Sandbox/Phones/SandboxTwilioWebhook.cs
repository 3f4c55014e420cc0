using System.Globalization;
using ChannelBot.Channels.Twilio;
using ChannelBot.Sandbox.Twilio;

namespace ChannelBot.Sandbox.Phones;

/// <summary>
/// The SMS and WhatsApp phones: each send becomes the inbound-message webhook Twilio would deliver
/// (<c>POST /api/twilio/messages</c>, form-encoded, the fields Twilio sends for SMS, MMS and WhatsApp, a photo as
/// <c>MediaUrl0</c> on the fake Twilio's media path, a WhatsApp location as <c>Latitude</c>/<c>Longitude</c>), signed
/// with the development token over the URL the validator checks. On only while the Twilio sandbox is active.
/// </summary>
public sealed class SandboxTwilioWebhook(
    TwilioSandbox sandbox,
    TwilioWebhookSigning signing,
    SandboxMediaStore media,
    SandboxWebhookPoster poster)
{
    /// <summary>True when the phones can be used: Development, no Twilio credentials, so the sandbox signs with the development token.</summary>
    public bool IsOn => sandbox.IsActive;

    /// <summary>The city's number the SMS phone texts (or its Messaging Service, when only that is configured).</summary>
    public string SmsNumber => sandbox.Current.From ?? sandbox.Current.MessagingServiceSid ?? TwilioSandbox.CityNumber;

    /// <summary>The city's WhatsApp sender, <c>whatsapp:+1…</c>.</summary>
    public string WhatsAppNumber => sandbox.Current.WhatsAppFrom ?? TwilioSandbox.WhatsAppFrom;

    /// <summary>The path of a photo on the fake Twilio (Basic auth with the sandbox account, like Twilio's media URLs).</summary>
    public static string MediaPath(string messageSid, string mediaId) =>
        $"{TwilioSandbox.BasePath}/2010-04-01/Accounts/{TwilioSandbox.AccountSid}/Messages/{messageSid}/Media/ME{mediaId}";

    public async Task<SandboxPosted> PostAsync(SandboxChannel channel, SandboxPhoneInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var whatsApp = channel == SandboxChannel.WhatsApp;
        var messageSid = "SM" + Guid.NewGuid().ToString("N");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("ToCountry", "US"),
            new("SmsMessageSid", messageSid),
            new("NumMedia", input.Photo is null ? "0" : "1"),
            new("SmsSid", messageSid),
            new("SmsStatus", "received"),
            new("Body", input.Text ?? string.Empty),
            new("FromCountry", "US"),
            new("To", whatsApp ? WhatsAppNumber : SmsNumber),
            new("NumSegments", "1"),
            new("MessageSid", messageSid),
            new("AccountSid", TwilioSandbox.AccountSid),
            new("From", whatsApp ? "whatsapp:" + input.Address : input.Address),
            new("ApiVersion", "2010-04-01"),
        };
        if (input.Photo is { } photo)
        {
            var file = media.Add(photo);
            fields.Add(new("MediaContentType0", file.ContentType));
            fields.Add(new("MediaUrl0", poster.Origin + MediaPath(messageSid, file.Id)));
        }

        if (whatsApp)
        {
            fields.Add(new("ProfileName", "Sandbox resident"));
            fields.Add(new("WaId", input.Address.TrimStart('+')));
            fields.Add(new("MessageType", input.Pin is not null ? "location" : input.Photo is not null ? "image" : "text"));
            if (input.Pin is { } pin)
            {
                fields.Add(new("Latitude", pin.Latitude.ToString("R", CultureInfo.InvariantCulture)));
                fields.Add(new("Longitude", pin.Longitude.ToString("R", CultureInfo.InvariantCulture)));
                AddIfPresent(fields, "Label", pin.Label);
                AddIfPresent(fields, "Address", pin.Address);
            }
        }

        var signature = TwilioSignature.Compute(signing.AuthToken!, signing.SignedUrl(TwilioRoutes.MessagesPath, string.Empty), fields);
        return await poster.PostAsync(
            channel, input.Address, TwilioRoutes.MessagesPath, new FormUrlEncodedContent(fields), TwilioSignature.HeaderName, signature, messageSid, cancellationToken)
            .ConfigureAwait(false);
    }

    private static void AddIfPresent(List<KeyValuePair<string, string>> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(new(name, value));
        }
    }
}
