using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.DirectLine;
using ChannelBot.Infrastructure.Persistence.Configurations;
using ChannelBot.Infrastructure.Staff;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// The bot's database. The model is shared; each provider has a subclass
/// (<see cref="SqliteChannelBotDbContext"/>, <see cref="PostgresChannelBotDbContext"/>) that adds what the
/// provider needs and owns its migration set. Code takes this base type, from
/// <see cref="IDbContextFactory{ChannelBotDbContext}"/>, and never needs to know which one it got.
/// </summary>
public abstract class ChannelBotDbContext : DbContext
{
    protected ChannelBotDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<ChannelOptOutRecord> ChannelOptOuts => Set<ChannelOptOutRecord>();

    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();

    public DbSet<DepartmentSyncRecord> DepartmentSyncs => Set<DepartmentSyncRecord>();

    public DbSet<DirectLineActivityRecord> DirectLineActivities => Set<DirectLineActivityRecord>();

    public DbSet<DirectLineConversationRecord> DirectLineConversations => Set<DirectLineConversationRecord>();

    public DbSet<HandoffRecord> Handoffs => Set<HandoffRecord>();

    public DbSet<InboundActivityRecord> InboundActivities => Set<InboundActivityRecord>();

    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();

    public DbSet<Open311.Open311UpdateRecord> Open311Updates => Set<Open311.Open311UpdateRecord>();

    public DbSet<OutboxMessageRecord> OutboxMessages => Set<OutboxMessageRecord>();

    public DbSet<StaffAccountRecord> StaffAccounts => Set<StaffAccountRecord>();

    public DbSet<StaffSessionRecord> StaffSessions => Set<StaffSessionRecord>();

    public DbSet<StaffSignInThrottleRecord> StaffSignInThrottles => Set<StaffSignInThrottleRecord>();

    public DbSet<TicketCounter> TicketCounters => Set<TicketCounter>();

    /// <inheritdoc />
    /// <remarks>Two concurrent changes to one case fail with <see cref="DbUpdateConcurrencyException"/>, like any other concurrent change.</remarks>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateException exception) when (ConcurrentCaseChange.Explains(exception))
        {
            throw ConcurrentCaseChange.Translate(exception);
        }
    }

    /// <inheritdoc />
    /// <remarks>Two concurrent changes to one case fail with <see cref="DbUpdateConcurrencyException"/>, like any other concurrent change.</remarks>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (ConcurrentCaseChange.Explains(exception))
        {
            throw ConcurrentCaseChange.Translate(exception);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new CaseConfiguration());
        modelBuilder.ApplyConfiguration(new HandoffRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ChannelOptOutRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ConversationRecordConfiguration());
        modelBuilder.ApplyConfiguration(new DepartmentSyncRecordConfiguration());
        modelBuilder.ApplyConfiguration(new DirectLineActivityRecordConfiguration());
        modelBuilder.ApplyConfiguration(new DirectLineConversationRecordConfiguration());
        modelBuilder.ApplyConfiguration(new InboundActivityRecordConfiguration());
        modelBuilder.ApplyConfiguration(new InstanceRecordConfiguration());
        modelBuilder.ApplyConfiguration(new Open311UpdateRecordConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxMessageRecordConfiguration());
        modelBuilder.ApplyConfiguration(new StaffAccountRecordConfiguration());
        modelBuilder.ApplyConfiguration(new StaffSessionRecordConfiguration());
        modelBuilder.ApplyConfiguration(new StaffSignInThrottleRecordConfiguration());
        modelBuilder.ApplyConfiguration(new TicketCounterConfiguration());
    }
}
