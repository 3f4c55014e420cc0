namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// One phrase of the classifier's index: the service (its position in the catalog), the phrase's stems, the
/// languages it is listed in and its precomputed weight before typo and language factors.
/// </summary>
internal sealed record KeywordPhrase(int Service, string[] Stems, IReadOnlyList<string> Languages, KeywordSource Source, double Weight)
{
    public bool IsListedIn(string language)
    {
        foreach (var listed in Languages)
        {
            if (string.Equals(listed, language, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
