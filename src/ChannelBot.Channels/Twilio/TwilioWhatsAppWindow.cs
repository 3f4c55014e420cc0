using ChannelBot.Application.Messaging;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// WhatsApp's 24-hour window: free-form inside 24 hours of the resident's last message
/// (<see cref="ILastInboundLookup"/>, read at send time); outside it, or when Twilio answered 63016, the notification's
/// approved Content template (<see cref="WhatsAppTemplates"/>, by the purpose and language marked on the activity,
/// <see cref="ProactiveNotification"/>); with no template for it, the reason it cannot go.
/// </summary>
internal sealed class TwilioWhatsAppWindow(
    IOptionsMonitor<TwilioOptions> options,
    TwilioWebhookSigning signing,
    ILastInboundLookup lastInbound,
    TimeProvider timeProvider)
{
    /// <summary>What goes: <paramref name="Outbound"/>, unless <paramref name="Failure"/> says why nothing can.</summary>
    public sealed record Decision(TwilioOutbound Outbound, string? Failure);

    /// <summary>Free-form inside the 24-hour window, the notification's template outside it, or why neither can go.</summary>
    public async Task<Decision> DecideAsync(OutboundMessage message, TwilioOutbound freeForm, CancellationToken cancellationToken)
    {
        if (TemplateOnlyResend.IsMarked(message.Activity))
        {
            // Sent again because Twilio reported 63016 after the free-form try: the template, or nothing.
            return TemplateFor(message, freeForm) is { } resend
                ? new Decision(resend, null)
                : new Decision(freeForm, $"{TwilioSender.NoTemplateError} (Twilio reported 63016 for the free-form message; {MissingTemplate(message.Activity)})");
        }

        if (ConsentConfirmation.IsConfirmation(message.Activity))
        {
            // The answer to the STOP/START the resident has just sent (a keyword starts no dialog turn, so the
            // conversation's last inbound time does not show it). Should Twilio disagree, it answers 63016.
            return new Decision(freeForm, null);
        }

        var now = timeProvider.GetUtcNow();
        var last = await lastInbound.LastInboundAtAsync(message.ConversationKey, cancellationToken).ConfigureAwait(false);
        if (last is { } wrote && ConversationWindow.IsOpen(wrote, now))
        {
            return new Decision(freeForm, null);
        }

        var template = TemplateFor(message, freeForm);
        if (template is not null)
        {
            return new Decision(template, null);
        }

        var since = last is { } at
            ? $"the resident last wrote {(int)(now - at).TotalHours} h ago"
            : "no message from the resident is on record";
        return new Decision(freeForm, $"{TwilioSender.NoTemplateError} ({since}; {MissingTemplate(message.Activity)})");
    }

    /// <summary>The message as its notification's template, or null when there is none.</summary>
    public TwilioOutbound? TemplateFor(OutboundMessage message, TwilioOutbound freeForm)
    {
        var settings = options.CurrentValue;
        var content = WhatsAppTemplates.Find(settings, ProactiveNotification.Of(message.Activity));
        if (content is null
            || !TwilioMessageComposer.TryCompose(message.Id, message.Activity, settings, signing.PublicBaseUrl, content, out var template, out _))
        {
            return null;
        }

        // Kept for the reconciliation: an earlier try may have gone free-form.
        return template! with { Body = freeForm.Body };
    }

    /// <summary>What to configure so the activity could go as a template.</summary>
    public static string MissingTemplate(Activity activity) =>
        ProactiveNotification.Of(activity) is { } notification
            ? "set " + WhatsAppTemplates.SettingFor(notification) + " to an approved ContentSid"
            : "only notifications with a purpose can be sent as templates";
}
