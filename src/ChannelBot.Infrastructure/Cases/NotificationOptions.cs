namespace ChannelBot.Infrastructure.Cases;

/// <summary>How residents are told about their reports (configuration section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>From this time of night (city time, HH:mm) status updates wait for the morning. Equal to the end: never.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);

    /// <summary>The morning time (city time, HH:mm) held updates go out.</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>The quiet hours these settings describe.</summary>
    internal Application.Notifications.QuietHours QuietHours => new(QuietHoursStart, QuietHoursEnd);
}
