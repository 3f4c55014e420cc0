using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChannelBot.Infrastructure.Persistence.Conversion;

/// <summary>
/// SQLite has no date type and EF cannot compare or order <see cref="DateTimeOffset"/> there, so timestamps
/// are stored as UTC ticks (an INTEGER that compares and sorts like the instant). Values come back in UTC.
/// To read one in the sqlite3 shell: <c>datetime(col / 10000000 - 62135596800, 'unixepoch')</c>.
/// </summary>
public sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
{
    public UtcTicksConverter()
        : base(value => value.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero))
    {
    }
}
