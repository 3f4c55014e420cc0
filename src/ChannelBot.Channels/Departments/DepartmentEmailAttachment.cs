namespace ChannelBot.Channels.Departments;

/// <summary>A photo attached to a department's email: its bytes and the type they are (read from them).</summary>
internal sealed record DepartmentEmailAttachment(string FileName, byte[] Content, string ContentType);
