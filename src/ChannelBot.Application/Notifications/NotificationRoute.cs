namespace ChannelBot.Application.Notifications;

/// <summary>Where and how one update goes, and when.</summary>
/// <param name="Kind">Free-form, template, another channel, cannot notify, or not wanted.</param>
/// <param name="ChannelId">The channel it goes out on (the resident's own for <see cref="NotificationRouteKind.CannotNotify"/>).</param>
/// <param name="Address">The resident's address there: their conversation id, phone number (E.164) or email; null when nothing is sent.</param>
/// <param name="Template">True when the channel must send its approved template instead of the text (decided again at send time).</param>
/// <param name="SendAt">When it may go: now, or the end of the quiet hours for news that can wait.</param>
/// <param name="Reason">Why it cannot be sent, or why the first choices were passed over; null when the own channel took it.</param>
public sealed record NotificationRoute(
    NotificationRouteKind Kind,
    string ChannelId,
    string? Address,
    bool Template,
    DateTimeOffset SendAt,
    string? Reason)
{
    /// <summary>True when a message goes out (a free-form text, a template, or another channel).</summary>
    public bool Sends => Kind is NotificationRouteKind.FreeForm or NotificationRouteKind.Template or NotificationRouteKind.OtherChannel;
}
