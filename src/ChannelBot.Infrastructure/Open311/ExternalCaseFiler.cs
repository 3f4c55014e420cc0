using ChannelBot.Application.Conversations;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Infrastructure.Cases;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Photos;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Open311;

/// <summary>
/// Files a case that did not come from a conversation (a city app or FixMyStreet through Open311, a call taker at the
/// staff console): the same submission, ticket counter, routing, follow-an-open-case rules, receipts and department
/// hand-off as a resident's intake, in one transaction.
/// </summary>
public sealed class ExternalCaseFiler
{
    private readonly IDbContextFactory<ChannelBotDbContext> _databases;
    private readonly CaseGatewayFactory _gateways;
    private readonly OutboxDispatcher? _outbox;
    private readonly PhotoCollector? _photos;

    internal ExternalCaseFiler(IDbContextFactory<ChannelBotDbContext> databases, CaseGatewayFactory gateways, OutboxDispatcher? outbox = null, PhotoCollector? photos = null)
    {
        _databases = databases;
        _gateways = gateways;
        _outbox = outbox;
        _photos = photos;
    }

    /// <summary>Open cases of the service near the point, nearest first (the duplicate check of an intake).</summary>
    public async Task<IReadOnlyList<NearbyCase>> NearbyAsync(FindNearbyCases query, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await _gateways.Create(db).FindNearbyAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Files the case unless one was already filed from the same conversation (the submission's channel and
    /// conversation id, which a caller makes unique per report: a retried or double-clicked submission carries the
    /// same one). The check is made inside the filing transaction after the ticket counter is taken, which queues
    /// concurrent filings (PostgreSQL locks the counter row, SQLite holds its one write lock), so two submissions of
    /// one report file one case; the loser rolls back and spends no number.
    /// </summary>
    /// <param name="filedSince">Only a case filed from the conversation at or after this counts (null: any); for a
    /// conversation id that stands for "the same report" for a while only.</param>
    /// <returns>The ticket, and whether it is of a case filed earlier rather than now.</returns>
    public async Task<(string Ticket, bool AlreadyFiled)> FileOnceAsync(IntakeSubmission submission, DateTimeOffset? filedSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var conversationKey = ConversationKey.For(submission.ChannelId, submission.ConversationReference.Conversation?.Id ?? string.Empty);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var gateway = _gateways.Create(db, outsideConversation: true);
        var receipt = await gateway.SubmitAsync(submission, cancellationToken).ConfigureAwait(false);
        if (await FiledFromAsync(db, conversationKey, filedSince, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            // Rolled back by the disposal: no case, no receipt, no number spent.
            return (earlier, true);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        // The receipts and the department hand-off committed with the case; the dispatcher's sweep would find them too.
        _outbox?.Dispatch(gateway.Receipts.Select(r => r.Row));
        if (submission.Photos.Count > 0)
        {
            _photos?.Wake();   // its photos are copied in now rather than at the collector's next sweep
        }

        return (receipt.Ticket, false);
    }

    /// <summary>
    /// The ticket of the case filed from <paramref name="channelId"/>'s conversation <paramref name="conversationId"/>
    /// (at or after <paramref name="filedSince"/>, when given), if one was.
    /// </summary>
    public async Task<string?> FiledFromAsync(string channelId, string conversationId, DateTimeOffset? filedSince, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await FiledFromAsync(db, ConversationKey.For(channelId, conversationId), filedSince, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What is committed (the case being added in this context is not): the first case filed from the conversation (since the time given).</summary>
    private static async Task<string?> FiledFromAsync(ChannelBotDbContext db, string conversationKey, DateTimeOffset? filedSince, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking().Where(c => c.ConversationKey == conversationKey);
        if (filedSince is { } since)
        {
            cases = cases.Where(c => c.CreatedAt >= since);
        }

        var found = await cases
            .OrderBy(c => c.CreatedAt)
            .Select(c => c.Ticket)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return found?.ToString();
    }
}
