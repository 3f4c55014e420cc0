namespace ChannelBot.Application.DirectLine;

/// <summary>Where an activity is in the shared log: its position (the watermark after it is one more) and its id.</summary>
public sealed record SharedLogAppend(long Position, string ActivityId);
