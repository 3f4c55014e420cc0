namespace ChannelBot.Infrastructure.Dialogs;

/// <summary>Finds the dialogs folder: the configured one, else one next to the app, else the nearest one above.</summary>
public static class DialogFolderLocator
{
    public const string FolderName = "dialogs";

    /// <summary>The file whose presence marks a dialogs folder.</summary>
    public const string MarkerFile = "catalog.yaml";

    /// <exception cref="DirectoryNotFoundException">No dialogs folder where configured or anywhere looked; names every place.</exception>
    public static string Locate(string? configuredPath, string baseDirectory, string currentDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var configured = Path.GetFullPath(configuredPath, currentDirectory);
            return Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"The dialogs folder configured as {DialogOptions.Section}:Path, '{configuredPath}', does not exist (looked at {configured}).");
        }

        var looked = new List<string>();
        var nextToApp = Path.Combine(baseDirectory, FolderName);
        if (IsDialogsFolder(nextToApp))
        {
            return nextToApp;
        }

        looked.Add(nextToApp);
        foreach (var start in new[] { currentDirectory, baseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, FolderName);
                if (IsDialogsFolder(candidate))
                {
                    return candidate;
                }
            }

            looked.Add($"{FolderName}/ in {start} and every folder above it");
        }

        throw new DirectoryNotFoundException(
            $"No {FolderName}/{MarkerFile} found. Looked at {string.Join("; ", looked)}. Set {DialogOptions.Section}:Path to the dialogs folder.");
    }

    private static bool IsDialogsFolder(string folder) => File.Exists(Path.Combine(folder, MarkerFile));
}
