using System.Runtime.CompilerServices;
using ChannelBot.Geo;
using ChannelBot.Geo.Data;

namespace ChannelBot.Geo.Tests.Support;

/// <summary>The sample city of geo/springfield, loaded once for every test that reads it.</summary>
public static class SampleCity
{
    private static readonly Lazy<CityGeography> Loaded = new(() => CityGeography.Load(Files));

    public static CityGeography Geography => Loaded.Value;

    public static CityFiles Files => CityFiles.InFolder(Folder);

    public static string Folder => Find();

    /// <summary>Walks up from the test binaries, the current directory or this source file (the build may put the
    /// binaries outside the repository with <c>-p:ArtifactsPath</c>).</summary>
    private static string Find([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "geo", "springfield");
                if (File.Exists(Path.Combine(candidate, "addresses.csv")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"No geo/springfield above {string.Join(" or ", starts)}.");
    }
}
