using ChannelBot.Infrastructure.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.Persistence.Configurations;

internal sealed class StaffSessionRecordConfiguration : IEntityTypeConfiguration<StaffSessionRecord>
{
    public void Configure(EntityTypeBuilder<StaffSessionRecord> builder)
    {
        builder.ToTable("StaffSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.TokenHash).HasMaxLength(StaffSessionRecord.TokenHashLength);
        builder.Property(s => s.CsrfToken).HasMaxLength(StaffSessionRecord.CsrfTokenLength);

        // Every authenticated request looks its session up by the token's hash.
        builder.HasIndex(s => s.TokenHash).IsUnique();

        // An account's sessions go with it (and are deleted together when it is disabled).
        builder.HasOne(s => s.Account).WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
