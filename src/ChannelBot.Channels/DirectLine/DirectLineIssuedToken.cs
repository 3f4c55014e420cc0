namespace ChannelBot.Channels.DirectLine;

/// <summary>A token just issued, with its lifetime in whole seconds (<c>expires_in</c>).</summary>
internal sealed record DirectLineIssuedToken(string Token, int ExpiresIn);
