namespace ChannelBot.Channels.DirectLine;

/// <summary>An uploaded file opened for reading; the caller disposes <see cref="Content"/>.</summary>
internal sealed record DirectLineStoredFile(Stream Content, string ContentType, long Length);
