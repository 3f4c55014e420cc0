namespace ChannelBot.Dialogs.Runtime.Rendering;

/// <summary>One option offered to the resident: <see cref="Key"/> identifies it, <see cref="Title"/> is shown.</summary>
public sealed record Choice(string Key, string Title, IReadOnlyList<string> Synonyms)
{
    public Choice(string key, string title)
        : this(key, title, [])
    {
    }
}
