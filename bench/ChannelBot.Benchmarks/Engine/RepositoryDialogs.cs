using System.Runtime.CompilerServices;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Loading;

namespace ChannelBot.Benchmarks.Engine;

/// <summary>
/// The repository's own <c>dialogs/</c> folder, read the way the application reads it: what is measured is what
/// ships. Found from this source file, the current directory or the binaries (which may live under
/// <c>-p:ArtifactsPath=/tmp/...</c>, outside the checkout).
/// </summary>
public static class RepositoryDialogs
{
    private static readonly Lazy<string> Root = new(() => Find());

    public static string Path => Root.Value;

    public static List<DialogFile> Files() =>
        Directory.EnumerateFiles(Path, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => new DialogFile(System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();

    public static DialogDefinitions Load() => DialogDefinitionsLoader.Load(Files());

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [Directory.GetCurrentDirectory(), System.IO.Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory];
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
