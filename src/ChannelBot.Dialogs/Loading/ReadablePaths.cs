using System.Buffers;

namespace ChannelBot.Dialogs.Loading;

/// <summary>
/// Builds the paths shown in errors: <c>services[3].attributes[0].datatype</c>. A key that is not a plain word is
/// quoted (<c>["step.category.prompt"]</c>) except at the top level, where it is shown as written.
/// </summary>
internal static class ReadablePaths
{
    private static readonly SearchValues<char> _wordCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    public static string Property(string parent, string key)
    {
        if (parent.Length == 0)
        {
            return key;
        }

        return key.Length > 0 && !key.AsSpan().ContainsAnyExcept(_wordCharacters)
            ? $"{parent}.{key}"
            : $"{parent}[\"{key}\"]";
    }

    public static string Item(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The enclosing path: <c>a.b[2]</c> → <c>a.b</c> → <c>a</c> → empty.</summary>
    public static string Parent(string path)
    {
        if (path.EndsWith(']'))
        {
            var open = path.EndsWith("\"]", StringComparison.Ordinal)
                ? path.LastIndexOf("[\"", StringComparison.Ordinal)
                : path.LastIndexOf('[');
            return open <= 0 ? string.Empty : path[..open];
        }

        // NJsonSchema paths start "#/": going up from a top-level key leaves "#".
        var cut = path.AsSpan().LastIndexOfAny(".[/");
        return cut < 0 ? string.Empty : path[..cut].TrimEnd('/');
    }
}
