using System.Linq.Expressions;
using ChannelBot.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ChannelBot.Infrastructure.Photos;

/// <summary>
/// When a photo still to fetch from its channel is due, kept with the photo in <c>CasePhotos</c> (shadow columns,
/// like <see cref="PhotoSourceRelease"/>): the failed tries so far and the earliest next try. Kept in the database,
/// so a restart neither forgets the pause of a bogus link nor lets it push real photos back; the collector only
/// ever reads photos that are due.
/// </summary>
internal static class PhotoFetchSchedule
{
    public const string Attempts = "FetchAttempts";
    public const string NextAttemptAt = "FetchNextAttemptAt";

    /// <summary>A pending photo due at <paramref name="now"/>.</summary>
    public static Expression<Func<CasePhoto, bool>> IsDue(DateTimeOffset now) => p =>
        p.Status == PhotoStatus.Pending
        && (EF.Property<DateTimeOffset?>(p, NextAttemptAt) == null || EF.Property<DateTimeOffset?>(p, NextAttemptAt) <= now);

    /// <summary>The same test as <see cref="IsDue"/>, on a loaded photo.</summary>
    public static bool IsDue(EntityEntry<CasePhoto> photo, DateTimeOffset now) =>
        photo.Entity.Status == PhotoStatus.Pending
        && (photo.Property<DateTimeOffset?>(NextAttemptAt).CurrentValue is not { } next || next <= now);

    public static int FailedTries(EntityEntry<CasePhoto> photo) => photo.Property<int>(Attempts).CurrentValue;

    /// <returns>The number of failed tries so far.</returns>
    public static int MarkFailedTry(EntityEntry<CasePhoto> photo, DateTimeOffset nextAttemptAt)
    {
        var attempts = FailedTries(photo) + 1;
        photo.Property<int>(Attempts).CurrentValue = attempts;
        photo.Property<DateTimeOffset?>(NextAttemptAt).CurrentValue = nextAttemptAt;
        return attempts;
    }
}
