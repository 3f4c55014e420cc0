namespace ChannelBot.Channels.Common;

/// <summary>
/// The configuration keys a provider template is looked up by for a resident's language, most specific first:
/// <c>es-US</c> (or <c>es_US</c>), then <c>es</c>.
/// </summary>
internal static class TemplateLanguages
{
    public static IEnumerable<string> Candidates(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            yield break;
        }

        var trimmed = language.Trim();
        yield return trimmed;
        var dash = trimmed.IndexOfAny(['-', '_']);
        if (dash > 0)
        {
            yield return trimmed[..dash];
        }
    }
}
