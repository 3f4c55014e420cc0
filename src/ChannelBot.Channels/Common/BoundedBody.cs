namespace ChannelBot.Channels.Common;

/// <summary>A request body read up to a limit: the bytes, or the fact that the limit was exceeded.</summary>
public readonly record struct BoundedBody(ReadOnlyMemory<byte> Bytes, bool TooLarge)
{
    public static BoundedBody Oversized { get; } = new(ReadOnlyMemory<byte>.Empty, TooLarge: true);
}
