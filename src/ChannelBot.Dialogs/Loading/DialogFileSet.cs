using System.Text.RegularExpressions;

namespace ChannelBot.Dialogs.Loading;

/// <summary>
/// The files of one load sorted into data files (one per kind), strings files (one per language) and schemas.
/// Data files may be YAML (<c>.yaml</c>, <c>.yml</c>) or JSON (<c>.json</c>); files in other sub-folders are ignored.
/// </summary>
internal sealed partial class DialogFileSet
{
    private static readonly string[] _dataExtensions = [".yaml", ".yml", ".json"];

    private readonly Dictionary<DialogFileKind, DialogFile> _data = [];
    private readonly SortedDictionary<string, DialogFile> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DialogFile> _schemas = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, DialogFile> Strings => _strings;

    /// <summary>The languages that have a strings file: <c>en</c> first, the others in alphabetical order.</summary>
    public IReadOnlyList<string> Languages =>
        [.. _strings.Keys.OrderBy(language => language == "en" ? 0 : 1).ThenBy(language => language, StringComparer.Ordinal)];

    public DialogFile? Data(DialogFileKind kind) => _data.GetValueOrDefault(kind);

    /// <summary>The schema for a kind, e.g. <c>schema/catalog.schema.json</c>.</summary>
    public DialogFile? SchemaFor(DialogFileKind kind) => _schemas.GetValueOrDefault(SchemaPath(kind));

    public static string SchemaPath(DialogFileKind kind) => $"schema/{KindName(kind)}.schema.json";

    public static string KindName(DialogFileKind kind) => kind.ToString().ToLowerInvariant();

    public static DialogFileSet Sort(IEnumerable<DialogFile> files, DialogErrorCollector errors)
    {
        var set = new DialogFileSet();
        foreach (var file in files.OrderBy(file => file.Path, StringComparer.Ordinal))
        {
            set.Add(file, errors);
        }

        foreach (var kind in Enum.GetValues<DialogFileKind>().Where(kind => kind != DialogFileKind.Strings))
        {
            if (set.Data(kind) is null)
            {
                errors.Add($"{KindName(kind)}.yaml", string.Empty, "the file is missing");
            }
        }

        if (set._strings.Count == 0)
        {
            errors.Add("strings/en.yaml", string.Empty, "the file is missing: every language needs a strings/{language}.yaml file");
        }

        return set;
    }

    private void Add(DialogFile file, DialogErrorCollector errors)
    {
        var path = file.Path;
        if (path.StartsWith("schema/", StringComparison.Ordinal))
        {
            if (path.EndsWith(".schema.json", StringComparison.Ordinal))
            {
                _schemas[path] = file;
            }

            return;
        }

        var extension = _dataExtensions.FirstOrDefault(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
        if (extension is null)
        {
            return;
        }

        var name = path[..^extension.Length];
        if (name.StartsWith("strings/", StringComparison.Ordinal))
        {
            AddStrings(file, name["strings/".Length..], errors);
        }
        else if (!name.Contains('/', StringComparison.Ordinal))
        {
            AddData(file, name, errors);
        }
    }

    private void AddStrings(DialogFile file, string language, DialogErrorCollector errors)
    {
        if (!LanguageCode().IsMatch(language))
        {
            errors.Add(file.Path, string.Empty, $"'{language}' is not a language code: name strings files after the language, e.g. strings/en.yaml");
        }
        else if (_strings.TryGetValue(language, out var other))
        {
            errors.Add(file.Path, string.Empty, $"language '{language}' already has {other.Path}: keep one of them");
        }
        else
        {
            _strings[language] = file;
        }
    }

    private void AddData(DialogFile file, string name, DialogErrorCollector errors)
    {
        var kind = Enum.GetValues<DialogFileKind>()
            .Where(kind => kind != DialogFileKind.Strings)
            .Select(kind => (DialogFileKind?)kind)
            .FirstOrDefault(kind => KindName(kind!.Value) == name);
        if (kind is null)
        {
            var known = string.Join(", ", Enum.GetValues<DialogFileKind>().Where(k => k != DialogFileKind.Strings).Select(k => KindName(k) + ".yaml"));
            errors.Add(file.Path, string.Empty, $"not a dialog file: the folder holds {known}, strings/ and schema/");
        }
        else if (_data.TryGetValue(kind.Value, out var other))
        {
            errors.Add(file.Path, string.Empty, $"{other.Path} holds the same definitions: keep one of them");
        }
        else
        {
            _data[kind.Value] = file;
        }
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
