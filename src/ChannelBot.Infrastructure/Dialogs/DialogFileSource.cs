using System.Text;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Loading;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Dialogs;

/// <summary>
/// Reads every <c>.yaml</c>, <c>.yml</c> and <c>.json</c> file under the dialogs folder (hidden files and folders
/// aside) as <see cref="DialogFile"/>s, paths relative to the folder with forward slashes, in path order.
/// </summary>
public sealed class DialogFileSource
{
    private static readonly string[] _extensions = [".yaml", ".yml", ".json"];

    private readonly Lazy<string> _folder;

    public DialogFileSource(IOptions<DialogOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _folder = new Lazy<string>(() => DialogFolderLocator.Locate(options.Value.Path, AppContext.BaseDirectory, Directory.GetCurrentDirectory()));
    }

    /// <summary>The dialogs folder in use (located on first use).</summary>
    public string Folder => _folder.Value;

    public async Task<IReadOnlyList<DialogFile>> ReadAsync(CancellationToken cancellationToken)
    {
        var folder = Folder;
        var files = new List<DialogFile>();
        foreach (var path in EnumerateDialogFiles(folder))
        {
            var content = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            files.Add(new DialogFile(Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'), content));
        }

        return [.. files.OrderBy(file => file.Path, StringComparer.Ordinal)];
    }

    /// <summary>Reads the files and loads them.</summary>
    /// <exception cref="DialogDefinitionsException">The files are not valid; every problem is listed.</exception>
    public async Task<DialogDefinitions> LoadAsync(CancellationToken cancellationToken) =>
        DialogDefinitionsLoader.Load(await ReadAsync(cancellationToken).ConfigureAwait(false));

    private static IEnumerable<string> EnumerateDialogFiles(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = false,
        };
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(path => _extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            .Where(path => !Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')));
    }
}
