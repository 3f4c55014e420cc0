using ChannelBot.Infrastructure.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageRecordConfiguration : IEntityTypeConfiguration<OutboxMessageRecord>
{
    public void Configure(EntityTypeBuilder<OutboxMessageRecord> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedOnAdd();
        builder.Property(o => o.ConversationKey).HasMaxLength(ColumnLengths.ConversationKey);
        builder.Property(o => o.OwnerId).HasMaxLength(InstanceIdentity.MaxLength);
        builder.Property(o => o.ChannelId).HasMaxLength(ColumnLengths.ChannelId);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(o => o.ProviderMessageId).HasMaxLength(ColumnLengths.ExternalId);
        builder.Property(o => o.DeliveryStatus).HasMaxLength(ColumnLengths.Code);
        builder.Property(o => o.DeliveryErrorCode).HasMaxLength(ColumnLengths.Code);

        builder.HasIndex(o => new { o.Status, o.NextAttemptAt });
        builder.HasIndex(o => o.CaseId);

        // A case's conversation: the replies of the turns found by following the inbound activities' links. Ids of
        // inbound activities only grow, so this index is written at its end (unlike one by conversation key).
        builder.HasIndex(o => o.InboundId);

        // Delivery-status callbacks find their message by the provider's id.
        builder.HasIndex(o => new { o.ChannelId, o.ProviderMessageId });
    }
}
