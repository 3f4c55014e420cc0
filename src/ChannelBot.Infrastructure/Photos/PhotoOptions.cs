using ChannelBot.Application.Scheduling;
using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Infrastructure.Photos;

/// <summary>How residents' photos are fetched and kept (configuration section <c>Photos</c>).</summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>The folder photos are kept in; relative paths are under the app's content root.</summary>
    public string Path { get; set; } = "data/photos";

    /// <summary>The largest photo accepted, in bytes (MMS tops out near 5 MB, WhatsApp images at 5 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Photo types kept, read from the bytes (never the declared type); empty: every type of
    /// <see cref="PhotoFormats.Allowed"/>. A list can only narrow that set: no other type is ever kept.
    /// </summary>
    public List<string> AllowedContentTypes { get; set; } = [];

    /// <summary>How long one photo may take, from the first request to the last byte (redirects included).</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Tries before a photo is marked failed (each after a longer pause).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often the database is swept for photos still to fetch (after a restart or a failed try).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<string> EffectiveContentTypes => AllowedContentTypes.Count > 0
        ? [.. PhotoFormats.Allowed.Where(t => AllowedContentTypes.Contains(t, StringComparer.OrdinalIgnoreCase))]
        : PhotoFormats.Allowed;

    /// <summary>When a photo that failed to download is tried again: after 5 s, then 3 times longer each failure (at most an hour).</summary>
    public RetrySchedule FetchRetries => new(TimeSpan.FromSeconds(5), 3, TimeSpan.FromHours(1));

    /// <summary>When deleting the channel's copy of a stored photo is tried again: one sweep interval, doubling each failure (at most a day).</summary>
    public RetrySchedule ReleaseRetries => new(SweepInterval, 2, TimeSpan.FromDays(1));
}
