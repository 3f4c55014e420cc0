using ChannelBot.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Infrastructure.Photos;

/// <summary>The collector's second job: deleting the channel's copy of each stored photo, tried again on a schedule when the channel fails.</summary>
internal sealed partial class PhotoCollector
{
    /// <summary>
    /// Deletes the channel's copies of committed photos that are due, each outcome saved at once; a failure waits
    /// for a later sweep. True when a full batch was handled (there may be more).
    /// </summary>
    private async Task<bool> ReleaseDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var due = PhotoSourceRelease.IsDue(now);
        var cases = await db.Cases
            .Where(c => c.Photos.AsQueryable().Any(due))
            .OrderBy(c => c.CreatedAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        foreach (var @case in cases)
        {
            foreach (var photo in @case.Photos.Select(p => db.Entry(p)).Where(p => PhotoSourceRelease.IsDue(p, now)).ToList())
            {
                await ReleaseAsync(@case, photo, now, cancellationToken).ConfigureAwait(false);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return cases.Count == BatchSize;
    }

    private async Task ReleaseAsync(Case @case, EntityEntry<CasePhoto> photo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = await DeleteAtChannelAsync(@case.ChannelId, photo.Entity.SourceUrl, cancellationToken).ConfigureAwait(false);
        if (reason is null)
        {
            PhotoSourceRelease.MarkReleased(photo, now);
            LogReleased(@case.Ticket.ToString(), photo.Entity.Number);
            return;
        }

        var attempts = PhotoSourceRelease.MarkFailed(photo, reason, _options.ReleaseRetries.NextAttemptAt(now, PhotoSourceRelease.FailedTries(photo) + 1));
        if (attempts >= PhotoSourceRelease.MaxAttempts)
        {
            LogReleaseAbandoned(@case.Ticket.ToString(), photo.Entity.Number, attempts, reason);
            return;
        }

        LogReleaseRetry(@case.Ticket.ToString(), photo.Entity.Number, attempts, reason);
    }

    /// <returns>Null when the channel holds no copy any more (or never kept one); otherwise why the delete failed.</returns>
    private async Task<string?> DeleteAtChannelAsync(string channelId, string sourceUrl, CancellationToken cancellationToken)
    {
        var release = releases.FirstOrDefault(r => r.Handles(channelId));
        if (release is null || !Uri.TryCreate(sourceUrl, UriKind.Absolute, out var url))
        {
            return null;
        }

        try
        {
            return await release.ReleaseAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return exception.GetType().Name + ": " + exception.Message;
        }
    }

    [LoggerMessage(EventId = 2407, Level = LogLevel.Information, Message = "Photo {Number} of {Ticket}: the channel's copy is deleted.")]
    private partial void LogReleased(string ticket, int number);

    [LoggerMessage(EventId = 2405, Level = LogLevel.Information, Message = "Photo {Number} of {Ticket} is stored, but the channel's copy could not be deleted (try {Attempts}); trying again later: {Reason}")]
    private partial void LogReleaseRetry(string ticket, int number, int attempts, string reason);

    [LoggerMessage(EventId = 2406, Level = LogLevel.Warning, Message = "Photo {Number} of {Ticket} is stored, but the channel's copy could not be deleted after {Attempts} tries and is left there (delete it at the channel by hand): {Reason}")]
    private partial void LogReleaseAbandoned(string ticket, int number, int attempts, string reason);
}
