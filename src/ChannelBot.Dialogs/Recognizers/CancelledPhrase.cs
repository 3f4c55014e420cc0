namespace ChannelBot.Dialogs.Recognizers;

/// <summary>An emergency phrase of the message that its clause cancels, and why.</summary>
public sealed record CancelledPhrase(string Phrase, PhraseCancel Reason);
