using ChannelBot.Infrastructure.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.Persistence.Configurations;

internal sealed class InstanceRecordConfiguration : IEntityTypeConfiguration<InstanceRecord>
{
    public void Configure(EntityTypeBuilder<InstanceRecord> builder)
    {
        // Instances.WorkOwnership writes and reads this table with SQL of its own: keep the names in step.
        builder.ToTable("Instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(InstanceIdentity.MaxLength).ValueGeneratedNever();
    }
}
