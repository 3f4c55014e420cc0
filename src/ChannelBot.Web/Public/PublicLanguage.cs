using Microsoft.Net.Http.Headers;

namespace ChannelBot.Web.Public;

/// <summary>
/// The language of a public page: <c>?lang=</c> when it names one of the page's languages (and links then carry it on),
/// else the browser's <c>Accept-Language</c> by quality, else English.
/// </summary>
/// <param name="Code">The language the page is in (<c>en</c>, <c>es</c>).</param>
/// <param name="Explicit">The resident picked it with <c>?lang=</c>: links keep it.</param>
public sealed record PublicLanguage(string Code, bool Explicit)
{
    /// <summary>The languages the page's own text exists in (PublicStrings.resx and PublicStrings.es.resx), the default first.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["en", "es"];

    public static PublicLanguage For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query.TryGetValue("lang", out var asked) && Match(asked.ToString()) is { } picked)
        {
            return new PublicLanguage(picked, Explicit: true);
        }

        if (StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var accepted))
        {
            foreach (var candidate in accepted.Where(a => (a.Quality ?? 1) > 0).OrderByDescending(a => a.Quality ?? 1))
            {
                if (Match(candidate.Value.Value) is { } found)
                {
                    return new PublicLanguage(found, Explicit: false);
                }
            }
        }

        return new PublicLanguage(Supported[0], Explicit: false);
    }

    /// <summary>The supported language a tag names (<c>es-MX</c> → <c>es</c>), or null.</summary>
    private static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Split('-', 2)[0].Trim();
        return Supported.FirstOrDefault(language => string.Equals(language, primary, StringComparison.OrdinalIgnoreCase));
    }
}
