using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.Persistence.Configurations;

internal sealed class HandoffRecordConfiguration : IEntityTypeConfiguration<HandoffRecord>
{
    public void Configure(EntityTypeBuilder<HandoffRecord> builder)
    {
        builder.ToTable("Handoffs");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.ConversationKey).HasMaxLength(ColumnLengths.ConversationKey);
        builder.Property(h => h.ChannelId).HasMaxLength(ColumnLengths.ChannelId);
        builder.Property(h => h.Language).HasMaxLength(ColumnLengths.Language);
        builder.Property(h => h.Reason).HasMaxLength(ColumnLengths.EnumName);
        builder.Property(h => h.TakenBy).HasMaxLength(ColumnLengths.Name);
        builder.Property(h => h.EndedBy).HasMaxLength(ColumnLengths.Name);

        // The live queue is the open rows (few): found by this small partial index; a conversation's rows by the other.
        builder.HasIndex(h => h.RequestedAt).HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("IX_Handoffs_Open");
        builder.HasIndex(h => h.ConversationKey);
    }
}
