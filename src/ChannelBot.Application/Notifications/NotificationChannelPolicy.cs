using System.Globalization;
using ChannelBot.Application.Messaging;

namespace ChannelBot.Application.Notifications;

/// <summary>
/// Decides, per update, how a resident hears about their report. Pure: the caller gathers the
/// <see cref="NotificationFacts"/> and writes the row the route describes.
/// <list type="number">
/// <item>No consent → <see cref="NotificationRouteKind.NotWanted"/> (no row).</item>
/// <item>When it may go: at once when urgent or outside the quiet hours, else at their end. Every window below is
/// judged at that moment, not when the change was made.</item>
/// <item>The resident's own conversation, when its channel reaches back: free-form inside the 24-hour window
/// (WhatsApp, Messenger; SMS has none; an unknown last message leaves it to the channel), the channel's template
/// outside it when one is approved for the purpose and language.</item>
/// <item>Else the channel they chose at the end of a web report, then the other addresses they gave for updates —
/// their phone by SMS, their email — in that order. WhatsApp to a number that never wrote to us is a template.</item>
/// <item>An address the resident opted out of is never used. A resident who opted out on their own channel is
/// not chased on another: STOP means stop.</item>
/// <item>Nothing left → <see cref="NotificationRouteKind.CannotNotify"/> with every reason, for staff.</item>
/// </list>
/// </summary>
public static class NotificationChannelPolicy
{
    public static NotificationRoute Decide(NotificationRecipient recipient, NotificationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(facts);
        var sendAt = facts.Urgent ? facts.Now : facts.QuietHours.SendAt(facts.Now, facts.TimeZone);
        if (!recipient.ConsentToUpdates)
        {
            return new NotificationRoute(NotificationRouteKind.NotWanted, recipient.ChannelId, null, false, sendAt, "the resident did not ask for updates");
        }

        var passedOver = new List<string>();
        if (recipient.ChannelReachesBack && recipient.ConversationId is { Length: > 0 } own)
        {
            if (facts.OptedOut.Contains(NotificationFacts.Key(recipient.ChannelId, own)))
            {
                return CannotNotify(recipient, sendAt, $"the resident opted out of messages on {Name(recipient.ChannelId)}");
            }

            if (Try(recipient.ChannelId, own, ownConversation: true, recipient, facts, sendAt, passedOver) is { } route)
            {
                return route;
            }
        }

        foreach (var (channel, address) in OtherAddresses(recipient))
        {
            if (channel == recipient.ChannelId && address == recipient.ConversationId)
            {
                continue;
            }

            if (facts.OptedOut.Contains(NotificationFacts.Key(channel, address)))
            {
                passedOver.Add($"{Name(channel)}: the resident opted out");
                continue;
            }

            if (Try(channel, address, ownConversation: false, recipient, facts, sendAt, passedOver) is { } route)
            {
                return route with { Kind = NotificationRouteKind.OtherChannel, Reason = passedOver.Count == 0 ? null : string.Join("; ", passedOver) };
            }
        }

        if (passedOver.Count == 0)
        {
            passedOver.Add(recipient.ChannelReachesBack
                ? $"no conversation on {Name(recipient.ChannelId)} to write to, and no phone number or email for updates"
                : $"{Name(recipient.ChannelId)} cannot reach the resident later, and they left no phone number or email for updates");
        }

        return CannotNotify(recipient, sendAt, string.Join("; ", passedOver));
    }

    /// <summary>The channel's display name in staff-facing reasons.</summary>
    public static string Name(string channelId) => channelId switch
    {
        Schema.ChannelIds.Sms => "SMS",
        Schema.ChannelIds.WhatsApp => "WhatsApp",
        Schema.ChannelIds.Facebook => "Messenger",
        Schema.ChannelIds.DirectLine or Schema.ChannelIds.WebChat => "web chat",
        NotificationChannels.Email => "email",
        _ => channelId,
    };

    private static NotificationRoute? Try(string channel, string address, bool ownConversation, NotificationRecipient recipient, NotificationFacts facts, DateTimeOffset sendAt, List<string> passedOver)
    {
        if (!ownConversation && !facts.Senders.Contains(channel))
        {
            passedOver.Add($"{Name(channel)}: no sender is configured");
            return null;
        }

        if (!NotificationChannels.HasWindow(channel))
        {
            return new NotificationRoute(NotificationRouteKind.FreeForm, channel, address, false, sendAt, null);
        }

        var known = facts.LastInboundAt.TryGetValue(channel, out var last);
        if ((!known && ownConversation) || (known && ConversationWindow.IsOpen(last, sendAt)))
        {
            return new NotificationRoute(NotificationRouteKind.FreeForm, channel, address, false, sendAt, null);
        }

        if (facts.Templates.Contains(channel))
        {
            return new NotificationRoute(NotificationRouteKind.Template, channel, address, true, sendAt, null);
        }

        var why = known
            ? $"outside the 24-hour window (the resident last wrote {Hours(sendAt - last)} h before it would go)"
            : "the resident never wrote to us there, so only a template may start the conversation";
        var setting = facts.TemplateSettings is { } settings && settings.TryGetValue(channel, out var name) ? $" (set {name})" : string.Empty;
        passedOver.Add($"{Name(channel)}: {why} and no {TemplateName(channel)} is configured for the {recipient.Language} language{setting}");
        return null;
    }

    /// <summary>The chosen update channel first, then the phone by SMS, then the email.</summary>
    private static IEnumerable<(string Channel, string Address)> OtherAddresses(NotificationRecipient recipient)
    {
        var chosen = recipient.UpdateChannel switch
        {
            NotificationChannels.Sms or NotificationChannels.WhatsApp when recipient.Phone is { } phone => (recipient.UpdateChannel, phone),
            NotificationChannels.Email when recipient.Email is { } email => (recipient.UpdateChannel, email),
            _ => ((string, string)?)null,
        };
        if (chosen is { } first)
        {
            yield return first;
        }

        if (recipient.Phone is { } mobile && chosen != (NotificationChannels.Sms, mobile))
        {
            yield return (NotificationChannels.Sms, mobile);
        }

        if (recipient.Email is { } address && chosen != (NotificationChannels.Email, address))
        {
            yield return (NotificationChannels.Email, address);
        }
    }

    private static NotificationRoute CannotNotify(NotificationRecipient recipient, DateTimeOffset sendAt, string reason) =>
        new(NotificationRouteKind.CannotNotify, recipient.ChannelId, null, false, sendAt, reason);

    private static string TemplateName(string channel) =>
        channel == Schema.ChannelIds.Facebook ? "Messenger utility message template" : "approved WhatsApp template";

    private static string Hours(TimeSpan span) => ((int)span.TotalHours).ToString(CultureInfo.InvariantCulture);
}
