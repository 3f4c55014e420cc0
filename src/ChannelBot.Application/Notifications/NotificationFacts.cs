namespace ChannelBot.Application.Notifications;

/// <summary>
/// The state of the world one decision is made in, gathered by the caller so the policy stays pure.
/// </summary>
/// <param name="Now">When the update is written.</param>
/// <param name="Urgent">News that cannot wait for the morning — staff marked the change urgent (a road closed tonight, a boil-water notice): quiet hours do not hold it.</param>
/// <param name="QuietHours">The city's quiet hours.</param>
/// <param name="TimeZone">The city's time zone.</param>
/// <param name="LastInboundAt">When the resident last wrote to us, by channel id (their own channel, and any other we know of); absent = never or unknown.</param>
/// <param name="OptedOut">Channel and address pairs the resident opted out of (<see cref="Key"/>).</param>
/// <param name="Templates">Channels with an approved template for this update's purpose in the resident's language.</param>
/// <param name="Senders">Channels this deployment can send on (an email sender configured, a Twilio account...).</param>
/// <param name="TemplateSettings">By channel, the setting that would hold this update's template (named in the reason when it is missing).</param>
public sealed record NotificationFacts(
    DateTimeOffset Now,
    bool Urgent,
    QuietHours QuietHours,
    TimeZoneInfo TimeZone,
    IReadOnlyDictionary<string, DateTimeOffset> LastInboundAt,
    IReadOnlySet<string> OptedOut,
    IReadOnlySet<string> Templates,
    IReadOnlySet<string> Senders,
    IReadOnlyDictionary<string, string>? TemplateSettings = null)
{
    /// <summary>The <see cref="OptedOut"/> entry of <paramref name="address"/> on <paramref name="channelId"/>.</summary>
    public static string Key(string channelId, string address) => channelId + ":" + address;
}
