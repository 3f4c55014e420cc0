using ChannelBot.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.DirectLine;

internal sealed class DirectLineConversationRecordConfiguration : IEntityTypeConfiguration<DirectLineConversationRecord>
{
    public void Configure(EntityTypeBuilder<DirectLineConversationRecord> builder)
    {
        builder.ToTable("DirectLineConversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(DirectLineConversationRecord.MaxIdLength);
        builder.Property(c => c.UserId).HasMaxLength(ColumnLengths.ExternalId);
        builder.Property(c => c.UserName).HasMaxLength(ColumnLengths.Name);

        // The janitor's sweep finds idle conversations by it.
        builder.HasIndex(c => c.LastActiveAt);
    }
}
