using ChannelBot.Dialogs.Runtime;
using ChannelBot.Infrastructure.Cases;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Open311;

/// <summary>
/// Files a case that did not come from a conversation (a city app or FixMyStreet through Open311): the same
/// submission, ticket counter, routing, follow-an-open-case rules and email receipt as a resident's intake, in one
/// transaction.
/// </summary>
public sealed class ExternalCaseFiler
{
    private readonly IDbContextFactory<ChannelBotDbContext> _databases;
    private readonly CaseGatewayFactory _gateways;
    private readonly OutboxDispatcher? _outbox;

    internal ExternalCaseFiler(IDbContextFactory<ChannelBotDbContext> databases, CaseGatewayFactory gateways, OutboxDispatcher? outbox = null)
    {
        _databases = databases;
        _gateways = gateways;
        _outbox = outbox;
    }

    /// <summary>Open cases of the service near the point, nearest first (the duplicate check of an intake).</summary>
    public async Task<IReadOnlyList<NearbyCase>> NearbyAsync(FindNearbyCases query, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await _gateways.Create(db).FindNearbyAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <returns>The new case's ticket number.</returns>
    public async Task<string> FileAsync(IntakeSubmission submission, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var gateway = _gateways.Create(db);
        var receipt = await gateway.SubmitAsync(submission, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        // The email receipt committed with the case; the dispatcher's sweep would find it too.
        _outbox?.Dispatch(gateway.Receipts.Select(r => r.Row));
        return receipt.Ticket;
    }
}
