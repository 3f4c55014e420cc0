using ChannelBot.Schema;

namespace ChannelBot.Channels.DirectLine;

/// <summary>The activities a client has not seen yet and the watermark that follows them.</summary>
public sealed record DirectLineRead(IReadOnlyList<Activity> Activities, long Watermark);
