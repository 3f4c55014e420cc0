using ChannelBot.Infrastructure.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.Persistence.Configurations;

internal sealed class StaffSignInThrottleRecordConfiguration : IEntityTypeConfiguration<StaffSignInThrottleRecord>
{
    public void Configure(EntityTypeBuilder<StaffSignInThrottleRecord> builder)
    {
        builder.ToTable("StaffSignInThrottles");
        builder.HasKey(t => new { t.NormalizedLogin, t.Network });
        builder.Property(t => t.NormalizedLogin).HasMaxLength(StaffAccountRecord.MaxLoginLength);
        builder.Property(t => t.Network).HasMaxLength(StaffSignInThrottleRecord.MaxNetworkLength);
        builder.Property(t => t.LockedBy).HasMaxLength(32);
        builder.HasIndex(t => t.UpdatedAt);
    }
}
