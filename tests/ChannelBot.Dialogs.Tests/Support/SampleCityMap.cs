using System.Runtime.CompilerServices;
using ChannelBot.Geo;
using ChannelBot.Geo.Data;

namespace ChannelBot.Dialogs.Tests.Support;

/// <summary>The sample city's map (geo/springfield), loaded once for the transcripts that resolve places on it.</summary>
public static class SampleCityMap
{
    private static readonly Lazy<CityGeography> Loaded = new(() => CityGeography.Load(CityFiles.InFolder(Find())));

    public static CityGeography Geography => Loaded.Value;

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "geo", "springfield");
                if (File.Exists(Path.Combine(candidate, "streets.geojson")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"No geo/springfield above {string.Join(" or ", starts)}.");
    }
}
