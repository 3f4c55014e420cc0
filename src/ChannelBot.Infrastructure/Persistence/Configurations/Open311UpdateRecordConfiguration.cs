using ChannelBot.Infrastructure.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.Persistence.Configurations;

internal sealed class Open311UpdateRecordConfiguration : IEntityTypeConfiguration<Open311UpdateRecord>
{
    public void Configure(EntityTypeBuilder<Open311UpdateRecord> builder)
    {
        builder.ToTable("Open311Updates");
        builder.HasKey(u => u.Key);
        builder.Property(u => u.Key).HasMaxLength(ColumnLengths.Name + Open311UpdateRecord.MaxIdLength + 1);
        builder.Property(u => u.Ticket).HasMaxLength(ColumnLengths.Ticket);
        builder.Property(u => u.Outcome).HasMaxLength(ColumnLengths.EnumName * 2);
        builder.HasIndex(u => u.ReceivedAt);
    }
}
