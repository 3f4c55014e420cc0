namespace ChannelBot.Application.DirectLine;

/// <summary>
/// One activity of a Direct Line conversation's log as stored: its sequence (the watermark after it is one more),
/// the activity's JSON as clients receive it, and for the bot's activities the outbox row it came from.
/// </summary>
public sealed record StoredDirectLineActivity(long Sequence, string ActivityJson, DateTimeOffset CreatedAt, long? OutboxId = null);
