namespace ChannelBot.Infrastructure.Photos;

/// <summary>How residents' photos are fetched and kept (configuration section <c>Photos</c>).</summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>The folder photos are kept in; relative paths are under the app's content root.</summary>
    public string Path { get; set; } = "data/photos";

    /// <summary>The largest photo accepted, in bytes (MMS tops out near 5 MB, WhatsApp images at 5 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Content types kept; anything else is recorded as failed with the reason.</summary>
    public List<string> AllowedContentTypes { get; set; } = [];

    /// <summary>How long one download may take.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tries before a photo is marked failed (each after a longer pause).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often the database is swept for photos still to fetch (after a restart or a failed try).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public static IReadOnlyList<string> DefaultContentTypes { get; } =
        ["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif", "image/bmp"];

    public IReadOnlyList<string> EffectiveContentTypes => AllowedContentTypes.Count > 0 ? AllowedContentTypes : DefaultContentTypes;
}
