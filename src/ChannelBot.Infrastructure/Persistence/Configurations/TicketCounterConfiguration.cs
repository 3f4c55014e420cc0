using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.Persistence.Configurations;

internal sealed class TicketCounterConfiguration : IEntityTypeConfiguration<TicketCounter>
{
    public void Configure(EntityTypeBuilder<TicketCounter> builder)
    {
        // TicketNumberAllocator writes this table with SQL of its own: keep the names in step.
        builder.ToTable("TicketCounters");
        builder.HasKey(t => t.Year);
        builder.Property(t => t.Year).ValueGeneratedNever();
    }
}
