using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace ChannelBot.Dialogs.Loading;

/// <summary>
/// Reads one data file through the three gates: YAML syntax, its JSON Schema, then binding to the model.
/// Returns null (and records why) when a gate refuses it.
/// </summary>
internal sealed class DialogFileReader(DialogFileSet files, DialogErrorCollector errors)
{
    private readonly Dictionary<DialogFileKind, JsonSchema?> _schemas = [];

    public T? Read<T>(DialogFileKind kind)
        where T : class =>
        files.Data(kind) is { } file ? Read<T>(kind, file) : null;

    public T? Read<T>(DialogFileKind kind, DialogFile file)
        where T : class
    {
        var schema = SchemaFor(kind, file);
        JToken root;
        SourceMap sourceMap;
        try
        {
            (root, sourceMap) = YamlDocumentReader.Read(file.Content);
        }
        catch (YamlSyntaxError syntaxError)
        {
            errors.Add(file.Path, $"line {syntaxError.Line}, column {syntaxError.Column}", syntaxError.Message, null);
            return null;
        }

        errors.Remember(file.Path, sourceMap);
        if (schema is null)
        {
            return null;
        }

        var schemaErrors = DialogSchemaValidator.Validate(file.Path, root, sourceMap, schema);
        if (schemaErrors.Count > 0)
        {
            errors.AddRange(schemaErrors);
            return null;
        }

        return DialogModelBinder.Bind<T>(file, root.ToString(Formatting.None), errors);
    }

    private JsonSchema? SchemaFor(DialogFileKind kind, DialogFile file)
    {
        if (_schemas.TryGetValue(kind, out var known))
        {
            return known;
        }

        var schemaPath = DialogFileSet.SchemaPath(kind);
        JsonSchema? schema = null;
        if (files.SchemaFor(kind) is not { } schemaFile)
        {
            errors.Add(file.Path, string.Empty, $"there is no {schemaPath} to validate it against");
        }
        else
        {
            schema = ParseSchema(schemaFile);
        }

        _schemas[kind] = schema;
        return schema;
    }

    private JsonSchema? ParseSchema(DialogFile schemaFile)
    {
        try
        {
            return SchemaCache.Parse(schemaFile.Content);
        }
        catch (JsonReaderException exception)
        {
            errors.Add(schemaFile.Path, $"line {exception.LineNumber}, column {exception.LinePosition}", $"not valid JSON: {exception.Message.Split(". Path")[0]}", null);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException)
        {
            errors.Add(schemaFile.Path, string.Empty, $"not a usable JSON Schema: {exception.Message}");
        }

        return null;
    }
}
