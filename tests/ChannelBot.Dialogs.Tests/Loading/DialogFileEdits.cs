using System.Text.RegularExpressions;
using ChannelBot.Dialogs.Loading;

namespace ChannelBot.Dialogs.Tests.Loading;

/// <summary>Small changes to a set of dialog files, each failing loudly when the text it changes is not there.</summary>
internal static class DialogFileEdits
{
    public static IReadOnlyList<DialogFile> WithContent(this IReadOnlyList<DialogFile> files, string path, string content)
    {
        Assert.Contains(files, file => file.Path == path);
        return [.. files.Select(file => file.Path == path ? file with { Content = content } : file)];
    }

    public static IReadOnlyList<DialogFile> Replace(this IReadOnlyList<DialogFile> files, string path, string oldText, string newText)
    {
        var content = files.Single(file => file.Path == path).Content;
        Assert.True(content.Contains(oldText, StringComparison.Ordinal), $"{path} no longer contains \"{oldText}\": update this test.");
        return files.WithContent(path, content.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>Replaces the first match of <paramref name="pattern"/> (multi-line mode: ^ and $ are line ends).</summary>
    public static IReadOnlyList<DialogFile> ReplaceFirst(this IReadOnlyList<DialogFile> files, string path, string pattern, string replacement)
    {
        var content = files.Single(file => file.Path == path).Content;
        var regex = new Regex(pattern, RegexOptions.Multiline);
        Assert.True(regex.IsMatch(content), $"{path} no longer matches /{pattern}/: update this test.");
        return files.WithContent(path, regex.Replace(content, replacement, 1));
    }

    public static IReadOnlyList<DialogFile> Without(this IReadOnlyList<DialogFile> files, string path)
    {
        Assert.Contains(files, file => file.Path == path);
        return [.. files.Where(file => file.Path != path)];
    }

    /// <summary>The 1-based line of the first match of <paramref name="pattern"/> in a file.</summary>
    public static int LineOf(this IReadOnlyList<DialogFile> files, string path, string pattern)
    {
        var content = files.Single(file => file.Path == path).Content;
        var match = new Regex(pattern, RegexOptions.Multiline).Match(content);
        Assert.True(match.Success, $"{path} does not match /{pattern}/.");
        return content.AsSpan(0, match.Index).Count('\n') + 1;
    }
}
