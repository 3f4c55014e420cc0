using System.Threading.Channels;
using ChannelBot.Application.Photos;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Photos;

/// <summary>
/// Copies residents' photos from the channel that holds them (links expire: Twilio media can be deleted,
/// Graph CDN links time out) into the city's <see cref="IPhotoStore"/>, after the case is committed. Each
/// photo is fetched until it is stored, refused for good (not an image, too large, gone), or out of tries;
/// the outcome and the reason are kept on the photo for staff to see. Once a stored photo is committed, the
/// channel's copy is deleted (<see cref="IChannelMediaRelease"/>); what is still to delete is kept with the photo
/// (<see cref="PhotoSourceRelease"/>), so a delete that fails is tried again at later sweeps, after a restart too,
/// and given up with a warning after <see cref="PhotoSourceRelease.MaxAttempts"/> tries; it never holds up the case.
/// </summary>
internal sealed partial class PhotoCollector(
    IDbContextFactory<ChannelBotDbContext> databases,
    MediaFetcher fetcher,
    IEnumerable<IChannelMediaRelease> releases,
    IPhotoStore store,
    IOptions<PhotoOptions> options,
    IOptions<MediaFetchOptions> media,
    TimeProvider clock,
    ILogger<PhotoCollector> logger) : BackgroundService
{
    private const int BatchSize = 32;

    /// <summary>Cases looked at per round: the oldest with a photo due.</summary>
    private const int CasesPerRound = 64;

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly PhotoOptions _options = options.Value;
    private readonly int _parallel = Math.Max(1, media.Value.MaxParallel);

    /// <summary>A case with photos was just committed: look now rather than at the next sweep.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await CollectAsync(stoppingToken).ConfigureAwait(false))
                {
                }

                while (await ReleaseDueAsync(stoppingToken).ConfigureAwait(false))
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested && exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogSweepFailed(exception);
            }

            using var sweep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            sweep.CancelAfter(_options.SweepInterval);
            try
            {
                await _wake.Reader.WaitToReadAsync(sweep.Token).ConfigureAwait(false);
                _wake.Reader.TryRead(out _);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The sweep interval passed.
            }
        }
    }

    /// <summary>
    /// One round: the due photos of the oldest cases that have one, taken one per case in turn (a case with many
    /// photos, or with links that time out, takes one place per turn like every other case), at most twice
    /// <see cref="MediaFetchOptions.MaxParallel"/> of them, fetched <see cref="MediaFetchOptions.MaxParallel"/> at a time,
    /// each outcome saved at once. A photo that fails waits longer before its next try (kept in the database:
    /// <see cref="PhotoFetchSchedule"/>), so it is not due in the next round. True when photos were tried.
    /// </summary>
    private async Task<bool> CollectAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var due = PhotoFetchSchedule.IsDue(now);
        var cases = await db.Cases
            .Where(c => c.Photos.AsQueryable().Any(due))
            .OrderBy(c => c.CreatedAt)
            .Take(CasesPerRound)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var round = TakeInTurn(db, cases, now, _parallel * 2);
        if (round.Count == 0)
        {
            return false;
        }

        using var slots = new SemaphoreSlim(_parallel);
        var gate = new SemaphoreSlim(1, 1);
        await Task.WhenAll(round.Select(async item =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            MediaFetch fetched;
            try
            {
                fetched = await fetcher.FetchAsync(item.Case.ChannelId, item.Photo.Entity.SourceUrl, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }

            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await KeepAsync(item.Case, item.Photo, fetched, cancellationToken).ConfigureAwait(false);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return true;
    }

    /// <summary>The due photos of <paramref name="cases"/> in turns: the first of each case, then the second of each…</summary>
    private static List<(Case Case, EntityEntry<CasePhoto> Photo)> TakeInTurn(ChannelBotDbContext db, List<Case> cases, DateTimeOffset now, int max)
    {
        var queues = cases
            .Select(c => (Case: c, Photos: new Queue<EntityEntry<CasePhoto>>(c.Photos.Select(p => db.Entry(p)).Where(p => PhotoFetchSchedule.IsDue(p, now)))))
            .Where(q => q.Photos.Count > 0)
            .ToList();
        var round = new List<(Case, EntityEntry<CasePhoto>)>(max);
        while (round.Count < max && queues.Count > 0)
        {
            foreach (var queue in queues.ToList())
            {
                if (round.Count == max)
                {
                    break;
                }

                round.Add((queue.Case, queue.Photos.Dequeue()));
                if (queue.Photos.Count == 0)
                {
                    queues.Remove(queue);
                }
            }
        }

        return round;
    }

    private async Task KeepAsync(Case @case, EntityEntry<CasePhoto> entry, MediaFetch fetched, CancellationToken cancellationToken)
    {
        var photo = entry.Entity;
        if (fetched.Body is { } body)
        {
            await using (body.ConfigureAwait(false))
            {
                var path = await store.SaveAsync(@case.Id, photo.Number, fetched.ContentType!, body, cancellationToken).ConfigureAwait(false);
                photo.MarkStored(path, body.Length, fetched.ContentType);
            }

            LogStored(@case.Ticket.ToString(), photo.Number, photo.SizeBytes ?? 0);
            return;
        }

        var reason = fetched.Failure!;
        var attempts = PhotoFetchSchedule.MarkFailedTry(entry, _options.FetchRetries.NextAttemptAt(clock.GetUtcNow(), PhotoFetchSchedule.FailedTries(entry) + 1));
        if (fetched.Permanent || attempts >= _options.MaxAttempts)
        {
            photo.MarkFailed(reason);
            LogFailed(@case.Ticket.ToString(), photo.Number, reason);
            return;
        }

        LogRetry(@case.Ticket.ToString(), photo.Number, attempts, reason);
    }

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Photo {Number} of {Ticket} stored ({Bytes} bytes).")]
    private partial void LogStored(string ticket, int number, long bytes);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Photo {Number} of {Ticket} not kept: {Reason}")]
    private partial void LogFailed(string ticket, int number, string reason);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Information, Message = "Photo {Number} of {Ticket}: try {Attempts} failed, will try again: {Reason}")]
    private partial void LogRetry(string ticket, int number, int attempts, string reason);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Error, Message = "The photo sweep failed; trying again at the next one.")]
    private partial void LogSweepFailed(Exception exception);
}
