namespace ChannelBot.Dialogs.State;

/// <summary>A photo the resident sent: where the channel put it and what it is.</summary>
public sealed record PhotoAnswer(string Url, string ContentType, string? Name);
