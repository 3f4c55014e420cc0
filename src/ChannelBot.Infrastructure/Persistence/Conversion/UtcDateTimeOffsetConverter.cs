using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChannelBot.Infrastructure.Persistence.Conversion;

/// <summary>
/// PostgreSQL stores <c>timestamptz</c> as an instant and Npgsql accepts only UTC values for it; a due time
/// computed in the city's zone (offset -04:00) is turned into the same instant in UTC on the way in.
/// </summary>
public sealed class UtcDateTimeOffsetConverter : ValueConverter<DateTimeOffset, DateTimeOffset>
{
    public UtcDateTimeOffsetConverter()
        : base(value => value.ToUniversalTime(), value => value.ToUniversalTime())
    {
    }
}
