using System.Net;
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
    IEnumerable<IChannelMediaClient> channelClients,
    IEnumerable<IChannelMediaRelease> releases,
    PlainMediaClient plainClient,
    IPhotoStore store,
    IOptions<PhotoOptions> options,
    TimeProvider clock,
    ILogger<PhotoCollector> logger) : BackgroundService
{
    private const int BatchSize = 32;

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<Guid, (int Attempts, DateTimeOffset NotBefore)> _tries = [];
    private readonly PhotoOptions _options = options.Value;

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

    /// <summary>Tries the pending photos that are due; true when a full batch was handled (there may be more).</summary>
    private async Task<bool> CollectAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var cases = await db.Cases
            .Where(c => c.Photos.Any(p => p.Status == PhotoStatus.Pending))
            .OrderBy(c => c.CreatedAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var tried = 0;
        foreach (var @case in cases)
        {
            foreach (var photo in @case.Photos.Where(p => p.Status == PhotoStatus.Pending))
            {
                if (_tries.TryGetValue(photo.Id, out var earlier) && earlier.NotBefore > now)
                {
                    continue;
                }

                tried++;
                await TryAsync(@case, photo, cancellationToken).ConfigureAwait(false);
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return tried > 0 && cases.Count == BatchSize;
    }

    private async Task TryAsync(Case @case, CasePhoto photo, CancellationToken cancellationToken)
    {
        var outcome = await FetchAsync(@case, photo, cancellationToken).ConfigureAwait(false);
        if (outcome is null)
        {
            _tries.Remove(photo.Id);
            LogStored(@case.Ticket.ToString(), photo.Number, photo.SizeBytes ?? 0);
            return;
        }

        var (reason, permanent) = outcome.Value;
        var attempts = _tries.GetValueOrDefault(photo.Id).Attempts + 1;
        if (permanent || attempts >= _options.MaxAttempts)
        {
            _tries.Remove(photo.Id);
            photo.MarkFailed(reason);
            LogFailed(@case.Ticket.ToString(), photo.Number, reason);
            return;
        }

        _tries[photo.Id] = (attempts, clock.GetUtcNow() + TimeSpan.FromSeconds(5 * Math.Pow(3, attempts - 1)));
        LogRetry(@case.Ticket.ToString(), photo.Number, attempts, reason);
    }

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

        var pause = _options.SweepInterval * Math.Pow(2, PhotoSourceRelease.FailedTries(photo));
        var attempts = PhotoSourceRelease.MarkFailed(photo, reason, now + pause);
        if (attempts >= PhotoSourceRelease.MaxAttempts)
        {
            LogReleaseAbandoned(@case.Ticket.ToString(), photo.Entity.Number, attempts, reason);
            return;
        }

        LogReleaseRetry(@case.Ticket.ToString(), photo.Entity.Number, attempts, reason);
    }

    /// <summary>Null when the photo is stored; otherwise why not, and whether trying again could help.</summary>
    private async Task<(string Reason, bool Permanent)?> FetchAsync(Case @case, CasePhoto photo, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(photo.SourceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return ("The photo's address is not an http(s) URL.", true);
        }

        var client = channelClients.FirstOrDefault(c => c.Handles(@case.ChannelId)) ?? plainClient;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.DownloadTimeout);
        try
        {
            using var response = await client.GetAsync(url, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var permanent = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                    || (status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests && response.StatusCode != HttpStatusCode.RequestTimeout);
                return ($"The channel answered {status} for the photo.", permanent);
            }

            var contentType = response.Content.Headers.ContentType?.MediaType ?? photo.ContentType;
            if (!_options.EffectiveContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
            {
                return ($"'{contentType}' is not a photo type that is kept.", true);
            }

            if (response.Content.Headers.ContentLength > _options.MaxBytes)
            {
                return ($"The photo is larger than {_options.MaxBytes} bytes.", true);
            }

            var body = await ReadLimitedAsync(response.Content, timeout.Token).ConfigureAwait(false);
            if (body is null)
            {
                return ($"The photo is larger than {_options.MaxBytes} bytes.", true);
            }

            await using (body.ConfigureAwait(false))
            {
                var path = await store.SaveAsync(@case.Id, photo.Number, contentType, body, cancellationToken).ConfigureAwait(false);
                photo.MarkStored(path, body.Length);
            }

            return null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or OperationCanceledException or IOException)
        {
            return ($"The photo could not be fetched: {exception.GetType().Name}: {exception.Message}", false);
        }
    }

    /// <summary>The body in memory, or null when it runs past the size limit (a missing or lying Content-Length).</summary>
    private async Task<MemoryStream?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var source = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (copy.Length + read > _options.MaxBytes)
                {
                    await copy.DisposeAsync().ConfigureAwait(false);
                    return null;
                }

                copy.Write(buffer, 0, read);
            }

            copy.Position = 0;
            return copy;
        }
    }

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Photo {Number} of {Ticket} stored ({Bytes} bytes).")]
    private partial void LogStored(string ticket, int number, long bytes);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Photo {Number} of {Ticket} not kept: {Reason}")]
    private partial void LogFailed(string ticket, int number, string reason);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Information, Message = "Photo {Number} of {Ticket}: try {Attempts} failed, will try again: {Reason}")]
    private partial void LogRetry(string ticket, int number, int attempts, string reason);

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

    [LoggerMessage(EventId = 2404, Level = LogLevel.Error, Message = "The photo sweep failed; trying again at the next one.")]
    private partial void LogSweepFailed(Exception exception);
}
