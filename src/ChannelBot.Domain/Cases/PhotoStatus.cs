namespace ChannelBot.Domain.Cases;

/// <summary>Whether our own copy of a photo exists yet.</summary>
public enum PhotoStatus
{
    /// <summary>Known by its channel URL only; not downloaded yet.</summary>
    Pending,

    /// <summary>Copied to our storage.</summary>
    Stored,

    /// <summary>Could not be copied (expired link, too large, not an image).</summary>
    Failed,

    /// <summary>Our copy was deleted when the case's personal data was removed after its retention period.</summary>
    Removed,
}
