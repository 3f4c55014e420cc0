using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.DirectLine;

internal sealed class DirectLineActivityRecordConfiguration : IEntityTypeConfiguration<DirectLineActivityRecord>
{
    public void Configure(EntityTypeBuilder<DirectLineActivityRecord> builder)
    {
        builder.ToTable("DirectLineActivities");

        // The key is the hot path's index: polls and socket replays read a conversation's log after a watermark.
        builder.HasKey(a => new { a.ConversationId, a.Sequence });
        builder.Property(a => a.ConversationId).HasMaxLength(DirectLineConversationRecord.MaxIdLength);
        builder.Property(a => a.Sequence).ValueGeneratedNever();
        builder.HasOne<DirectLineConversationRecord>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);

        // A resend of the same outbox row finds the first one (NULLs, the resident's activities, never collide).
        builder.HasIndex(a => new { a.ConversationId, a.OutboxId }).IsUnique();
    }
}
