using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.Persistence.Configurations;

internal sealed class ConversationRecordConfiguration : IEntityTypeConfiguration<ConversationRecord>
{
    public void Configure(EntityTypeBuilder<ConversationRecord> builder)
    {
        builder.ToTable("Conversations");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(ColumnLengths.ConversationKey);
        builder.Property(c => c.ChannelId).HasMaxLength(ColumnLengths.ChannelId);
        builder.Property(c => c.ConversationId).HasMaxLength(ColumnLengths.ExternalId);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.UpdatedAt);
    }
}
