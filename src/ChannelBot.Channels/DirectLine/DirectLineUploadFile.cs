namespace ChannelBot.Channels.DirectLine;

/// <summary>One file of an upload, read and checked, not yet stored.</summary>
internal sealed record DirectLineUploadFile(string? FileName, string ContentType, byte[] Bytes);
