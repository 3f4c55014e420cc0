using ChannelBot.Geo;
using ChannelBot.Geo.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Geo;

/// <summary>Loads the city's geography once at start-up (<see cref="GeoOptions"/>); a configured file that cannot be read stops the start, naming it.</summary>
internal static partial class CityGeographyLoader
{
    private const string SampleFolder = "geo/springfield";

    public static CityGeography Load(IOptions<GeoOptions> options, ILogger logger)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            LogDisabled(logger);
            return CityGeography.Empty;
        }

        var (folder, files) = Resolve(o);
        try
        {
            var geography = CityGeography.Load(files);
            LogLoaded(logger, folder ?? "(files configured one by one)", geography.AddressCount, geography.StreetCount, geography.Places.Count);
            return geography;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"ChannelBot cannot start: the city's geography files cannot be read ({exception.Message}). Fix them, or set Geo:Enabled to false.", exception);
        }
    }

    /// <summary>
    /// The files the public map of requests draws (boundary, areas, streets), resolved like <see cref="Load"/> resolves
    /// them; none when the geography is off. A file that is missing is left out (the map draws without it).
    /// </summary>
    public static CityMapFiles MapFiles(IOptions<GeoOptions> options)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return CityMapFiles.None;
        }

        var (_, files) = Resolve(o);
        return new CityMapFiles(ExistingOrNull(files.Boundary), ExistingOrNull(files.Areas), ExistingOrNull(files.Streets));
    }

    /// <summary>The folder the files are read from (null when the geography is off or every file is configured alone and none found).</summary>
    public static string? Folder(IOptions<GeoOptions> options) => options.Value.Enabled ? Resolve(options.Value).Folder : null;

    /// <summary>The folder (configured, else the sample city found above the app) and each file: its own setting, else the folder's file if it exists.</summary>
    private static (string? Folder, CityFiles Files) Resolve(GeoOptions o)
    {
        var folder = o.Folder is { Length: > 0 } configured ? Path.GetFullPath(configured) : FindSample();
        var inFolder = folder is null ? new CityFiles(null, null, null, null, null, null) : CityFiles.InFolder(folder);
        var files = new CityFiles(
            o.Addresses ?? ExistingOrNull(inFolder.Addresses), o.Streets ?? ExistingOrNull(inFolder.Streets),
            o.Boundary ?? ExistingOrNull(inFolder.Boundary), o.Areas ?? ExistingOrNull(inFolder.Areas),
            o.Places ?? ExistingOrNull(inFolder.Places), o.Neighbours ?? ExistingOrNull(inFolder.Neighbours));
        return (folder, files);
    }

    private static string? ExistingOrNull(string? path) => path is not null && File.Exists(path) ? path : null;

    private static string? FindSample()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, SampleFolder);
                if (File.Exists(Path.Combine(candidate, "streets.geojson")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "City geography loaded from {Folder}: {Addresses} addresses, {Streets} streets, {Places} places")]
    private static partial void LogLoaded(ILogger logger, string folder, int addresses, int streets, int places);

    [LoggerMessage(Level = LogLevel.Information, Message = "City geography off (Geo:Enabled is false): places are kept as residents typed them")]
    private static partial void LogDisabled(ILogger logger);
}
