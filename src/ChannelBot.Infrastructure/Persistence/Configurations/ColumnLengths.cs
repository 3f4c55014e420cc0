namespace ChannelBot.Infrastructure.Persistence.Configurations;

/// <summary>
/// Lengths of the columns that are keys, indexed, or codes we control. Text that residents or providers write
/// (names, addresses, errors, JSON) has no limit in the database, so a long value can never make a turn fail.
/// </summary>
internal static class ColumnLengths
{
    public const int ChannelId = 64;
    public const int ConversationKey = ConversationRecord.MaxKeyLength;
    public const int ExternalId = 300;
    public const int Code = 64;
    public const int EnumName = 16;
    public const int Language = 35;
    public const int Ticket = 40;
    public const int Name = 200;
    public const int Detail = 500;
    public const int AreaName = 100;
}
