using System.Linq.Expressions;
using ChannelBot.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ChannelBot.Infrastructure.Photos;

/// <summary>
/// Whether the channel's copy of a stored photo is deleted yet, kept with the photo in <c>CasePhotos</c> (shadow
/// columns: this is housekeeping at the channel, not part of the case) so a restart does not forget a delete that
/// is still owed: when it was done, how many tries failed, when to try next, and the last reason it failed.
/// After <see cref="MaxAttempts"/> failed tries the copy is left at the channel.
/// </summary>
internal static class PhotoSourceRelease
{
    public const string ReleasedAt = "SourceReleasedAt";
    public const string Attempts = "SourceReleaseAttempts";
    public const string NextAttemptAt = "SourceReleaseNextAttemptAt";
    public const string LastFailure = "SourceReleaseFailure";

    /// <summary>Deletes tried at the channel before its copy is left there (each after a longer pause).</summary>
    public const int MaxAttempts = 10;

    /// <summary>A stored photo whose channel copy is still to be deleted, and is due at <paramref name="now"/>.</summary>
    public static Expression<Func<CasePhoto, bool>> IsDue(DateTimeOffset now) => p =>
        p.Status == PhotoStatus.Stored
        && EF.Property<DateTimeOffset?>(p, ReleasedAt) == null
        && EF.Property<int>(p, Attempts) < MaxAttempts
        && (EF.Property<DateTimeOffset?>(p, NextAttemptAt) == null || EF.Property<DateTimeOffset?>(p, NextAttemptAt) <= now);

    /// <summary>The same test as <see cref="IsDue"/>, on a loaded photo.</summary>
    public static bool IsDue(EntityEntry<CasePhoto> photo, DateTimeOffset now) =>
        photo.Entity.Status == PhotoStatus.Stored
        && photo.Property<DateTimeOffset?>(ReleasedAt).CurrentValue is null
        && FailedTries(photo) < MaxAttempts
        && (photo.Property<DateTimeOffset?>(NextAttemptAt).CurrentValue is not { } next || next <= now);

    public static int FailedTries(EntityEntry<CasePhoto> photo) => photo.Property<int>(Attempts).CurrentValue;

    public static void MarkReleased(EntityEntry<CasePhoto> photo, DateTimeOffset now)
    {
        photo.Property<DateTimeOffset?>(ReleasedAt).CurrentValue = now;
        photo.Property<DateTimeOffset?>(NextAttemptAt).CurrentValue = null;
    }

    /// <returns>The number of failed tries so far (<see cref="MaxAttempts"/> or more: given up).</returns>
    public static int MarkFailed(EntityEntry<CasePhoto> photo, string reason, DateTimeOffset nextAttemptAt)
    {
        var attempts = FailedTries(photo) + 1;
        photo.Property<int>(Attempts).CurrentValue = attempts;
        photo.Property<DateTimeOffset?>(NextAttemptAt).CurrentValue = attempts < MaxAttempts ? nextAttemptAt : null;
        photo.Property<string?>(LastFailure).CurrentValue =
            reason.Length <= CasePhoto.MaxFailureReasonLength ? reason : reason[..CasePhoto.MaxFailureReasonLength];
        return attempts;
    }
}
