namespace ChannelBot.Dialogs.Definitions;

/// <summary>One text in several languages, keyed by language code (<c>en</c>, <c>es</c>).</summary>
public sealed class LocalizedText : Dictionary<string, string>
{
    public LocalizedText()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>The text in <paramref name="language"/>, else in <paramref name="fallback"/>, else any.</summary>
    public string Get(string language, string fallback = "en") =>
        TryGetValue(language, out var text) ? text
        : TryGetValue(fallback, out var fallbackText) ? fallbackText
        : Values.FirstOrDefault() ?? string.Empty;
}
