using System.Runtime.CompilerServices;
using ChannelBot.Dialogs.Loading;

namespace ChannelBot.Dialogs.Tests.Loading;

/// <summary>
/// The repository's own <c>dialogs/</c> folder, found by walking up from the test binaries, the current directory
/// or this source file (the build may put binaries outside the repository).
/// </summary>
internal static class RepositoryDialogs
{
    private static readonly Lazy<IReadOnlyList<DialogFile>> _files = new(ReadFiles);

    public static IReadOnlyList<DialogFile> Files => _files.Value;

    public static string Folder { get; } = FindFolder();

    public static string Content(string path) =>
        Files.Single(file => file.Path == path).Content;

    private static IReadOnlyList<DialogFile> ReadFiles() =>
        [.. Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal))
            .Select(path => new DialogFile(Path.GetRelativePath(Folder, path).Replace('\\', '/'), File.ReadAllText(path)))
            .OrderBy(file => file.Path, StringComparer.Ordinal)];

    private static string FindFolder([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts.OfType<string>())
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "dialogs");
                if (File.Exists(Path.Combine(candidate, "catalog.yaml")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"No dialogs/catalog.yaml above {string.Join(" or ", starts)}.");
    }
}
