namespace ChannelBot.Dialogs.Recognizers;

/// <summary>One yes or no phrase as squeezed normalized words.</summary>
internal sealed record ConfirmPhrase(string[] Words, bool MeansYes);
