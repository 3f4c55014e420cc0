using ChannelBot.Infrastructure.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.Persistence.Configurations;

internal sealed class InboundActivityRecordConfiguration : IEntityTypeConfiguration<InboundActivityRecord>
{
    /// <summary>Only rows still waiting for their turn, in arrival order: the recovery query reads it and nothing else.</summary>
    public const string UnprocessedIndex = "IX_InboundActivities_Unprocessed";

    /// <summary>
    /// Only rows set aside for staff (few): their list, and a case's conversation and its removal, which find them by
    /// conversation here because no turn linked them into the conversation's chain.
    /// </summary>
    public const string SetAsideIndex = "IX_InboundActivities_SetAside";

    public void Configure(EntityTypeBuilder<InboundActivityRecord> builder)
    {
        builder.ToTable("InboundActivities");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedOnAdd();
        builder.Property(i => i.ChannelId).HasMaxLength(ColumnLengths.ChannelId);
        builder.Property(i => i.ActivityId).HasMaxLength(ColumnLengths.ExternalId);
        builder.Property(i => i.ConversationKey).HasMaxLength(ColumnLengths.ConversationKey);
        builder.Property(i => i.OwnerId).HasMaxLength(InstanceIdentity.MaxLength);

        // Unique per channel. The activity id leads so that the inbox's duplicate look-up by activity id
        // (across channels in one batch) can use the same index.
        builder.HasIndex(i => new { i.ActivityId, i.ChannelId }).IsUnique();
        builder.HasIndex(i => i.Id, UnprocessedIndex).HasFilter("\"ProcessedAt\" IS NULL");
        builder.HasIndex(i => i.Id, SetAsideIndex).HasFilter("\"SetAsideAt\" IS NOT NULL");
    }
}
