namespace ChannelBot.Dialogs.Recognizers;

/// <summary>How a word of a message matched a known word.</summary>
public enum WordMatch
{
    None,
    Exact,
    Typo,
}
