using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChannelBot.Infrastructure.Instances;

/// <summary>
/// Marks every pending outbox row and every inbound activity added through EF with this instance as owner, in the
/// same save: the instance that writes a message is the one that sends it, and no other instance's sweep may take it
/// while it is on its way. (The turn pipeline's own set-based INSERTs write the owner themselves.)
/// </summary>
internal sealed class OwnerStamp(InstanceIdentity instance) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<OutboxMessageRecord>())
        {
            if (entry.State == EntityState.Added && entry.Entity is { Status: OutboxStatus.Pending, OwnerId: null } row)
            {
                row.OwnerId = instance.Id;
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<InboundActivityRecord>())
        {
            if (entry.State == EntityState.Added && entry.Entity is { ProcessedAt: null, OwnerId: null } row)
            {
                row.OwnerId = instance.Id;
            }
        }
    }
}
