using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// <see cref="IMessagingConsent"/> on the <c>ChannelOptOuts</c> table. A change and its confirmation (an outbox
/// row) commit together; the confirmation is then handed to the outbox dispatcher (or found by its sweep).
/// </summary>
internal sealed class MessagingConsentStore(IDbContextFactory<ChannelBotDbContext> databases, IServiceProvider services) : IMessagingConsent
{
    public async Task<bool> IsOptedOutAsync(string channelId, string address, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ChannelOptOuts
            .AnyAsync(o => o.ChannelId == channelId && o.Address == address && o.OptedOut, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<bool> RecordAsync(ConsentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Address.Length > ChannelOptOutRecord.MaxAddressLength)
        {
            throw new ArgumentException($"An address is at most {ChannelOptOutRecord.MaxAddressLength} characters.", nameof(change));
        }

        try
        {
            return await TryRecordAsync(change, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (DbExceptionClassifier.IsUniqueViolation(exception, "ChannelOptOuts"))
        {
            // The same address changed at the same moment elsewhere (a redelivered webhook): once more, on its row.
            return await TryRecordAsync(change, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (change.MessageId is not null && DbExceptionClassifier.IsUniqueViolation(exception, "InboundActivities"))
        {
            // The same keyword message applied at the same moment by a redelivery: it counts once.
            return false;
        }
    }

    private async Task<bool> TryRecordAsync(ConsentChange change, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.ChannelOptOuts
            .SingleOrDefaultAsync(o => o.ChannelId == change.ChannelId && o.Address == change.Address, cancellationToken)
            .ConfigureAwait(false);
        if (change.MessageId is { } messageId)
        {
            // The keyword message is kept with the inbound messages (processed at once, no turn): a redelivery of it,
            // early or late, is then known and changes nothing.
            if (await db.InboundActivities.AnyAsync(i => i.ActivityId == messageId && i.ChannelId == change.ChannelId, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            db.InboundActivities.Add(new InboundActivityRecord
            {
                ChannelId = change.ChannelId,
                ActivityId = messageId,
                ConversationKey = ConversationKey.For(change.ChannelId, change.Confirmation?.Conversation?.Id ?? change.Address),
                ActivityJson = ActivityJson.Serialize(new Activity { Type = ActivityTypes.Event, Name = change.OptedOut ? "consent/optOut" : "consent/optIn", Id = messageId, ChannelId = change.ChannelId }),
                ReceivedAt = change.At,
                ProcessedAt = change.At,
            });
        }

        var was = row?.OptedOut ?? false;
        if (was == change.OptedOut)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (row is null)
        {
            row = new ChannelOptOutRecord { ChannelId = change.ChannelId, Address = change.Address, Source = change.Source };
            db.ChannelOptOuts.Add(row);
        }

        row.OptedOut = change.OptedOut;
        row.Source = change.Source.Length > 200 ? change.Source[..200] : change.Source;
        if (change.OptedOut)
        {
            row.OptedOutAt = change.At;
        }
        else
        {
            row.OptedInAt = change.At;
        }

        OutboxMessageRecord? confirmation = null;
        if (change.Confirmation is { } activity && activity.Conversation?.Id is { } conversationId)
        {
            activity.Timestamp ??= change.At;
            confirmation = OutboxRows.Pending(ConversationKey.For(change.ChannelId, conversationId), change.ChannelId, activity, change.At);
            db.OutboxMessages.Add(confirmation);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (confirmation is not null)
        {
            services.GetService<OutboxDispatcher>()?.Dispatch([confirmation]);
        }

        return true;
    }
}
