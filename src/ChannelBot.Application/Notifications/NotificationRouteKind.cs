namespace ChannelBot.Application.Notifications;

/// <summary>How <see cref="NotificationChannelPolicy"/> decided to reach a resident about one update.</summary>
public enum NotificationRouteKind
{
    /// <summary>The resident did not ask for updates (or the change is no news to them): no row at all.</summary>
    NotWanted,

    /// <summary>A free-form message on the resident's own channel (inside its window, or a channel without one).</summary>
    FreeForm,

    /// <summary>The channel's approved template (WhatsApp or Messenger outside the 24-hour window).</summary>
    Template,

    /// <summary>Another channel the resident gave us for updates (their phone by SMS or WhatsApp, their email).</summary>
    OtherChannel,

    /// <summary>Nowhere to send it: a row that is never sent, with the reason staff see on the case.</summary>
    CannotNotify,
}
