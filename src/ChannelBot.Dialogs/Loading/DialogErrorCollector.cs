namespace ChannelBot.Dialogs.Loading;

/// <summary>Gathers every problem of one load, adding the line of the place named when the file's source map knows it.</summary>
internal sealed class DialogErrorCollector
{
    private readonly List<DialogFileError> _errors = [];
    private readonly Dictionary<string, SourceMap> _sourceMaps = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<DialogFileError> Errors => _errors;

    public void Remember(string file, SourceMap sourceMap) => _sourceMaps[file] = sourceMap;

    public void Add(string file, string location, string message) =>
        Add(file, location, message, _sourceMaps.GetValueOrDefault(file)?.LineOf(location));

    public void Add(string file, string location, string message, int? line) =>
        _errors.Add(new DialogFileError(file, location, message, line));

    public void AddRange(IEnumerable<DialogFileError> errors) => _errors.AddRange(errors);
}
