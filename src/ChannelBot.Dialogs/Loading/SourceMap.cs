namespace ChannelBot.Dialogs.Loading;

/// <summary>Every value of one parsed YAML file by path, for line numbers in error messages.</summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, SourceNode> _bySchemaPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceNode> _byReadablePath = new(StringComparer.Ordinal);

    public void Add(SourceNode node)
    {
        _bySchemaPath[node.SchemaPath] = node;
        _byReadablePath[node.ReadablePath] = node;
    }

    public SourceNode? AtSchemaPath(string schemaPath) => _bySchemaPath.GetValueOrDefault(schemaPath);

    /// <summary>The node at <paramref name="schemaPath"/>, else at the nearest enclosing path that exists.</summary>
    public SourceNode? NearestToSchemaPath(string schemaPath)
    {
        for (var path = schemaPath; ; path = ReadablePaths.Parent(path))
        {
            if (_bySchemaPath.TryGetValue(path, out var node))
            {
                return node;
            }

            if (path.Length <= 1)
            {
                return null;
            }
        }
    }

    /// <summary>The line of <paramref name="readablePath"/> or of the nearest enclosing value that exists.</summary>
    public int? LineOf(string readablePath)
    {
        for (var path = readablePath; ; path = ReadablePaths.Parent(path))
        {
            if (_byReadablePath.TryGetValue(path, out var node))
            {
                return node.Line;
            }

            if (path.Length == 0)
            {
                return null;
            }
        }
    }
}
