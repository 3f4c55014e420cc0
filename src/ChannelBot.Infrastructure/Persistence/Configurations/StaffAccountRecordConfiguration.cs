using ChannelBot.Infrastructure.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.Persistence.Configurations;

internal sealed class StaffAccountRecordConfiguration : IEntityTypeConfiguration<StaffAccountRecord>
{
    public void Configure(EntityTypeBuilder<StaffAccountRecord> builder)
    {
        builder.ToTable("StaffAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.Login).HasMaxLength(StaffAccountRecord.MaxLoginLength);
        builder.Property(a => a.NormalizedLogin).HasMaxLength(StaffAccountRecord.MaxLoginLength);
        builder.Property(a => a.DisplayName).HasMaxLength(StaffAccountRecord.MaxDisplayNameLength);
        builder.Property(a => a.Role).HasMaxLength(ColumnLengths.EnumName);
        builder.Property(a => a.Department).HasMaxLength(ColumnLengths.Code);
        builder.Property(a => a.PasswordHash).HasMaxLength(ColumnLengths.Detail);

        // Sign-in looks accounts up by this; two accounts can never share a name.
        builder.HasIndex(a => a.NormalizedLogin).IsUnique();
    }
}
