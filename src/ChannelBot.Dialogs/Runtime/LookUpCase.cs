namespace ChannelBot.Dialogs.Runtime;

/// <summary>Find a case by ticket number, then call <see cref="DialogEngine.OnCaseLookedUp"/>.</summary>
/// <param name="Ticket">The canonical ticket number, e.g. 311-2026-000123.</param>
public sealed record LookUpCase(string Ticket) : DialogEffect;
