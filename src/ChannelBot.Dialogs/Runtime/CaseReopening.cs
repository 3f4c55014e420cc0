namespace ChannelBot.Dialogs.Runtime;

/// <summary>The result of <see cref="ReopenCase"/>: whether the case was reopened (only its reporter can, and only from fixed or closed).</summary>
public sealed record CaseReopening(string Ticket, bool Reopened);
