using System.Runtime.CompilerServices;

namespace ChannelBot.Web.Tests.Support;

/// <summary>
/// The repository's <c>dialogs/</c> folder, found from this source file: test binaries may be built outside the
/// checkout (<c>-p:ArtifactsPath=/tmp/...</c>), where the app's own search upwards would not find it.
/// </summary>
public static class RepositoryDialogs
{
    public static string Path { get; } = Find();

    /// <summary>The sample city's geography (geo/springfield), beside dialogs/.</summary>
    public static string SampleCity { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "geo", "springfield"));

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        for (var dir = new DirectoryInfo(System.IO.Path.GetDirectoryName(sourceFile)!); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "dialogs");
            if (File.Exists(System.IO.Path.Combine(candidate, "catalog.yaml")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No dialogs/catalog.yaml above {sourceFile}.");
    }
}
