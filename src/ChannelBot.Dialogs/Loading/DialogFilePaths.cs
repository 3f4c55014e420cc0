namespace ChannelBot.Dialogs.Loading;

/// <summary>Paths of dialog files as the loader compares them: relative, forward slashes.</summary>
internal static class DialogFilePaths
{
    public static DialogFile Normalize(DialogFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = file.Path.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        path = path.TrimStart('/');
        return path == file.Path ? file : file with { Path = path };
    }
}
