using System.Runtime.CompilerServices;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Loading;

namespace ChannelBot.Dialogs.Tests.Support;

/// <summary>The repository's own <c>dialogs/</c> folder: what the tests run against is what ships.</summary>
public static class DialogsFolder
{
    private static readonly Lazy<string> Root = new(() => Find());

    public static string Path => Root.Value;

    /// <summary>Every dialog file, as the application reads them.</summary>
    public static List<DialogFile> Files() =>
        Directory.EnumerateFiles(Path, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => new DialogFile(System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();

    public static DialogDefinitions Load() => DialogDefinitionsLoader.Load(Files());

    /// <summary>The definitions after one text replacement in one file (the files changing under a conversation).</summary>
    public static DialogDefinitions LoadChanged(string file, string replace, string with)
    {
        var files = Files();
        Change(files, file, replace, with);
        return DialogDefinitionsLoader.Load(files);
    }

    /// <summary>Replaces text in one of <paramref name="files"/> (in place, so that several changes add up).</summary>
    public static void Change(List<DialogFile> files, string file, string replace, string with)
    {
        var index = files.FindIndex(f => f.Path == file);
        if (index < 0 || !files[index].Content.Contains(replace, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{file} does not contain the text to replace: {replace}");
        }

        files[index] = files[index] with { Content = files[index].Content.Replace(replace, with, StringComparison.Ordinal) };
    }

    /// <summary>Walks up from the test binaries, the current directory or this source file: the build may put the
    /// binaries outside the repository (<c>-p:ArtifactsPath=/tmp/...</c>).</summary>
    private static string Find([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Directory.GetCurrentDirectory(), System.IO.Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "dialogs");
                if (File.Exists(System.IO.Path.Combine(candidate, "catalog.yaml")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"No dialogs/catalog.yaml above {string.Join(" or ", starts)}.");
    }
}
