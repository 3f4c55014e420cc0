using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Loading;

namespace ChannelBot.Dialogs.Tests.Support;

/// <summary>The repository's own <c>dialogs/</c> folder: what the tests run against is what ships.</summary>
public static class DialogsFolder
{
    private static readonly Lazy<string> Root = new(Find);

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
        var index = files.FindIndex(f => f.Path == file);
        if (index < 0 || !files[index].Content.Contains(replace, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{file} does not contain the text to replace: {replace}");
        }

        files[index] = files[index] with { Content = files[index].Content.Replace(replace, with, StringComparison.Ordinal) };
        return DialogDefinitionsLoader.Load(files);
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "dialogs");
            if (File.Exists(System.IO.Path.Combine(candidate, "catalog.yaml")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No dialogs/catalog.yaml above {AppContext.BaseDirectory}.");
    }
}
