using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence.Conversion;
using ChannelBot.Infrastructure.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChannelBot.Infrastructure.Persistence.Configurations;

/// <summary>
/// A case is one row of <c>Cases</c> (location and reporter as columns, attribute answers as a JSON column)
/// with its photos in <c>CasePhotos</c> (with whether the channel's copy is deleted yet: <see cref="PhotoSourceRelease"/>) and its history in <c>CaseStatusChanges</c>, both loaded with it.
/// Indexes serve the staff queries: by ticket, by status, service or department over a date range.
/// </summary>
internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Ticket).HasConversion<TicketNumberConverter>().HasMaxLength(ColumnLengths.Ticket);
        builder.Property(c => c.ServiceCode).HasMaxLength(ColumnLengths.Code);
        builder.Property(c => c.ServiceName).HasMaxLength(ColumnLengths.Name);
        builder.Property(c => c.Department).HasMaxLength(ColumnLengths.Code);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(c => c.ClosureReason).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(c => c.Attributes)
            .HasConversion(new CaseAttributesConverter(), new CaseAttributesComparer())
            .HasColumnName("AttributesJson");
        builder.ComplexProperty(c => c.Location, location =>
        {
            location.Property(l => l.Address).HasColumnName("Address");
            location.Property(l => l.Latitude).HasColumnName("Latitude");
            location.Property(l => l.Longitude).HasColumnName("Longitude");
            location.Property(l => l.Area).HasColumnName("Area").HasMaxLength(ColumnLengths.AreaName);
            location.Ignore(l => l.HasPin);
        });
        builder.ComplexProperty(c => c.Reporter, reporter =>
        {
            reporter.Property(r => r.Name).HasColumnName("ReporterName");
            reporter.Property(r => r.Phone).HasColumnName("ReporterPhone");
            reporter.Property(r => r.Email).HasColumnName("ReporterEmail");
            reporter.Property(r => r.ChannelId).HasColumnName("ReporterChannelId").HasMaxLength(ColumnLengths.ChannelId);
            reporter.Property(r => r.ChannelUserId).HasColumnName("ReporterChannelUserId");
        });
        builder.Property(c => c.ChannelId).HasMaxLength(ColumnLengths.ChannelId);
        builder.Property(c => c.ConversationKey).HasMaxLength(ColumnLengths.ConversationKey);
        builder.Property(c => c.Language).HasMaxLength(ColumnLengths.Language);
        builder.Property(c => c.Assignee).HasMaxLength(Case.MaxAssigneeLength);
        builder.Property(c => c.DuplicateOf).HasConversion<TicketNumberConverter>().HasMaxLength(ColumnLengths.Ticket);
        builder.HasIndex(c => c.DuplicateOf);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        builder.Property(c => c.UpdateChannel).HasMaxLength(ColumnLengths.ChannelId);

        builder.OwnsMany(c => c.Photos, photos =>
        {
            photos.ToTable("CasePhotos");
            photos.WithOwner().HasForeignKey("CaseId");
            photos.HasKey("CaseId", nameof(CasePhoto.Number));
            photos.Property(p => p.Number).ValueGeneratedNever();
            photos.HasIndex(p => p.Id).IsUnique();
            photos.Property(p => p.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
            photos.HasIndex(p => p.Status);
            photos.Property<DateTimeOffset?>(PhotoSourceRelease.ReleasedAt);
            photos.Property<int>(PhotoSourceRelease.Attempts);
            photos.Property<DateTimeOffset?>(PhotoSourceRelease.NextAttemptAt);
            photos.Property<string?>(PhotoSourceRelease.LastFailure).HasMaxLength(CasePhoto.MaxFailureReasonLength);
            photos.HasIndex(nameof(CasePhoto.Status), PhotoSourceRelease.ReleasedAt);
            photos.Property<int>(PhotoFetchSchedule.Attempts);
            photos.Property<DateTimeOffset?>(PhotoFetchSchedule.NextAttemptAt);
        });
        builder.Navigation(c => c.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(c => c.History, history =>
        {
            history.ToTable(ConcurrentCaseChange.HistoryTable);
            history.WithOwner().HasForeignKey("CaseId");
            history.HasKey("CaseId", nameof(CaseStatusChange.Sequence));
            history.Property(h => h.Sequence).ValueGeneratedNever();
            history.Property(h => h.From).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
            history.Property(h => h.To).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
            history.Property(h => h.By).HasMaxLength(ColumnLengths.Name);
            history.Property(h => h.Kind).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
            history.Property(h => h.Detail).HasMaxLength(ColumnLengths.Detail);
            history.HasIndex(h => h.At);
        });
        builder.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(c => c.Ticket).IsUnique();
        builder.HasIndex(c => new { c.Status, c.CreatedAt });
        builder.HasIndex(c => new { c.ServiceCode, c.CreatedAt });
        builder.HasIndex(c => new { c.Department, c.Status, c.CreatedAt });
        builder.HasIndex(c => c.CreatedAt);
        builder.HasIndex(c => c.UpdatedAt);
        builder.HasIndex(c => c.ConversationKey);
    }
}
