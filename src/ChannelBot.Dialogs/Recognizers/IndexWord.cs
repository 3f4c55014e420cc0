namespace ChannelBot.Dialogs.Recognizers;

/// <summary>A word that names a position in a list: <see cref="Position"/> is 1-based, <see cref="Last"/> for "last".</summary>
internal readonly record struct IndexWord(int Position, ChoiceMatchKind Kind, string Language)
{
    public const int Last = -1;
}
