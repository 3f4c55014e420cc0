namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// The option a reply picked: <paramref name="Index"/> is its 0-based position in the option list, and
/// <paramref name="Score"/> runs from 0 to 1 (1 for an exact title, number or ordinal; see
/// <see cref="ChoiceRecognizer"/> for the scale).
/// </summary>
public sealed record ChoiceMatch(int Index, string Key, double Score, ChoiceMatchKind Kind);
