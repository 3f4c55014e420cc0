using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.Persistence.Configurations;

internal sealed class DepartmentSyncRecordConfiguration : IEntityTypeConfiguration<DepartmentSyncRecord>
{
    public void Configure(EntityTypeBuilder<DepartmentSyncRecord> builder)
    {
        builder.ToTable("DepartmentSyncs");
        builder.HasKey(s => s.Department);
        builder.Property(s => s.Department).HasMaxLength(ColumnLengths.Code).ValueGeneratedNever();
        builder.Property(s => s.LastError).HasMaxLength(ColumnLengths.Detail);
        builder.Property(s => s.LeaseOwner).HasMaxLength(Instances.InstanceIdentity.MaxLength);
    }
}
