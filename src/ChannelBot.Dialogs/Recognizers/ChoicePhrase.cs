namespace ChannelBot.Dialogs.Recognizers;

/// <summary>A title or synonym of one option, prepared for matching.</summary>
internal sealed record ChoicePhrase(int OptionIndex, string[] Stems);
