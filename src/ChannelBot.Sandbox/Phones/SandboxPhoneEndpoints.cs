using System.Globalization;

namespace ChannelBot.Sandbox.Phones;

/// <summary>
/// <c>POST /sandbox/phones/{sms|whatsapp|messenger}</c>: what a sandbox phone sends (<see cref="SandboxPhoneInputReader"/>),
/// turned into the provider's signed webhook request and posted to the app's own webhook. Asks for the header
/// <see cref="RequestHeader"/>, which a form on another site cannot add. Answers <c>{"sentAt","messageId"}</c>; a
/// refused input 400/413/415, a phone whose sandbox is off 409, a webhook that refused 502 with its reason.
/// </summary>
public static class SandboxPhoneEndpoints
{
    public const string PathPrefix = "/sandbox/phones/";

    public const string RequestHeader = "X-ChannelBot-Sandbox";

    public static void MapSandboxPhones(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(PathPrefix + "{channel}", SendAsync).WithDisplayName("Sandbox (Development): a phone sends").ExcludeFromDescription();
    }

    public static string PathOf(SandboxChannel channel) => PathPrefix + channel.ToString().ToLowerInvariant();

    private static async Task<IResult> SendAsync(
        HttpContext context, string channel, SandboxTwilioWebhook twilio, SandboxMessengerWebhook messenger, TimeProvider timeProvider)
    {
        SandboxChannel? named = channel.ToLowerInvariant() switch
        {
            "sms" => SandboxChannel.Sms,
            "whatsapp" => SandboxChannel.WhatsApp,
            "messenger" => SandboxChannel.Messenger,
            _ => null,
        };
        if (named is not { } phone)
        {
            return Results.Problem(detail: "The sandbox has three phones: sms, whatsapp and messenger.", statusCode: StatusCodes.Status404NotFound);
        }

        if (context.Request.Headers[RequestHeader].ToString() != "phone")
        {
            return Results.Problem(detail: $"Send from the sandbox page (it adds the header {RequestHeader}: phone).", statusCode: StatusCodes.Status400BadRequest);
        }

        var isOn = phone == SandboxChannel.Messenger ? messenger.IsOn : twilio.IsOn;
        if (!isOn)
        {
            return Results.Problem(detail: OffReason(phone), statusCode: StatusCodes.Status409Conflict);
        }

        var (input, status, error) = await SandboxPhoneInputReader.ReadAsync(context.Request, phone, context.RequestAborted);
        if (input is null)
        {
            return Results.Problem(detail: error, statusCode: status);
        }

        var sentAt = timeProvider.GetUtcNow();
        var posted = phone == SandboxChannel.Messenger
            ? await messenger.PostAsync(input, context.RequestAborted)
            : await twilio.PostAsync(phone, input, context.RequestAborted);
        if (!posted.Accepted)
        {
            var detail = posted.Status == 0
                ? posted.Detail
                : $"The app's webhook answered {posted.Status.ToString(CultureInfo.InvariantCulture)}: {posted.Detail}";
            return Results.Problem(detail: detail, statusCode: StatusCodes.Status502BadGateway);
        }

        return Results.Json(new { sentAt = sentAt.ToString("O", CultureInfo.InvariantCulture), messageId = posted.MessageId });
    }

    /// <summary>Why a phone cannot be used: its channel has real credentials (or a real signing secret) configured.</summary>
    public static string OffReason(SandboxChannel phone) => phone == SandboxChannel.Messenger
        ? "The Messenger phone is off: Meta credentials (Meta:PageAccessToken or Meta:AppSecret) are configured, so replies would go to the real Meta. Remove them to use the sandbox."
        : "This phone is off: Twilio credentials (Twilio:AccountSid or Twilio:AuthToken) are configured, so replies would go to the real Twilio. Remove them to use the sandbox.";
}
