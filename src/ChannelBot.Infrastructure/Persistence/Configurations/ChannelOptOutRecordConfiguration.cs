using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.Persistence.Configurations;

internal sealed class ChannelOptOutRecordConfiguration : IEntityTypeConfiguration<ChannelOptOutRecord>
{
    public void Configure(EntityTypeBuilder<ChannelOptOutRecord> builder)
    {
        builder.ToTable("ChannelOptOuts");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedOnAdd();
        builder.Property(o => o.ChannelId).HasMaxLength(ColumnLengths.ChannelId);
        builder.Property(o => o.Address).HasMaxLength(ChannelOptOutRecord.MaxAddressLength);
        builder.Property(o => o.Source).HasMaxLength(ColumnLengths.Name);

        // One row per address and channel: every sender asks by this pair before it sends.
        builder.HasIndex(o => new { o.ChannelId, o.Address }).IsUnique();
    }
}
