namespace ChannelBot.Dialogs.Runtime;

/// <summary>The result of <see cref="SubmitCase"/>: the ticket number the new case got.</summary>
public sealed record CaseReceipt(string Ticket);
