using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ChannelBot.Dialogs.Loading;

/// <summary>
/// Turns one YAML (or JSON) file into a JSON token tree for schema validation, remembering where every value came
/// from. Refuses what JSON cannot say or what is almost surely a mistake: several documents, duplicate keys,
/// keys that are not plain text, unknown aliases.
/// </summary>
internal sealed class YamlDocumentReader
{
    private readonly Dictionary<string, JToken> _anchors = new(StringComparer.Ordinal);
    private readonly SourceMap _sourceMap = new();
    private readonly Parser _parser;
    private Mark _lastEnd = Mark.Empty;

    private YamlDocumentReader(string content)
    {
        _parser = new Parser(new StringReader(content));
    }

    /// <exception cref="YamlSyntaxError">The text is not one well-formed YAML document.</exception>
    public static (JToken Root, SourceMap SourceMap) Read(string content)
    {
        var reader = new YamlDocumentReader(content);
        try
        {
            return (reader.ReadStream(), reader._sourceMap);
        }
        catch (YamlException exception)
        {
            throw new YamlSyntaxError(exception.Start.Line, exception.Start.Column, Describe(exception));
        }
        catch (InvalidOperationException exception) when (exception.TargetSite?.DeclaringType == typeof(Scanner))
        {
            // YamlDotNet's scanner can fail this way on an unclosed [ or {: point after the last value read.
            throw new YamlSyntaxError(reader._lastEnd.Line, reader._lastEnd.Column, "the YAML is not well formed after this point (an unclosed [ or { ?)");
        }
    }

    private JToken ReadStream()
    {
        Consume<StreamStart>();
        if (_parser.Accept<StreamEnd>(out _))
        {
            throw new YamlSyntaxError(1, 1, "the file is empty");
        }

        Consume<DocumentStart>();
        var root = ReadNode("#", string.Empty);
        Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var second))
        {
            throw new YamlSyntaxError(second.Start.Line, second.Start.Column, "a file holds one YAML document: remove this '---' and what follows, or move it to its own file");
        }

        Consume<StreamEnd>();
        return root;
    }

    private JToken ReadNode(string schemaPath, string readablePath)
    {
        var start = _parser.Current?.Start ?? Mark.Empty;
        JToken token;
        string? plainText = null;
        string? anchor = null;
        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            _lastEnd = scalar.End;
            var value = YamlScalars.Resolve(scalar);
            plainText = value.Type is JTokenType.String or JTokenType.Null ? null : scalar.Value;
            token = value;
            anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
        }
        else if (_parser.TryConsume<MappingStart>(out var mapping))
        {
            anchor = mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value;
            token = ReadMapping(schemaPath, readablePath);
        }
        else if (_parser.TryConsume<SequenceStart>(out var sequence))
        {
            anchor = sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value;
            token = ReadSequence(schemaPath, readablePath);
        }
        else if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            _lastEnd = alias.End;
            token = _anchors.TryGetValue(alias.Value.Value, out var target)
                ? target.DeepClone()
                : throw new YamlSyntaxError(alias.Start.Line, alias.Start.Column, $"*{alias.Value.Value} refers to no &{alias.Value.Value} above it");
        }
        else
        {
            throw new YamlSyntaxError(start.Line, start.Column, "expected a value here");
        }

        if (anchor is not null)
        {
            _anchors[anchor] = token;
        }

        _sourceMap.Add(new SourceNode(schemaPath, readablePath, (int)start.Line, (int)start.Column, token, plainText));
        return token;
    }

    private JObject ReadMapping(string schemaPath, string readablePath)
    {
        var mapping = new JObject();
        var firstLines = new Dictionary<string, long>(StringComparer.Ordinal);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            if (!_parser.TryConsume<Scalar>(out var key) || key.Value.Length == 0)
            {
                var at = _parser.Current?.Start ?? _lastEnd;
                throw new YamlSyntaxError(at.Line, at.Column, "a key must be plain text");
            }

            if (firstLines.TryGetValue(key.Value, out var firstLine))
            {
                throw new YamlSyntaxError(key.Start.Line, key.Start.Column, $"the key '{key.Value}' appears twice in the same place (first on line {firstLine})");
            }

            _lastEnd = key.End;
            firstLines[key.Value] = key.Start.Line;
            var childSchemaPath = schemaPath == "#" ? $"#/{key.Value}" : $"{schemaPath}.{key.Value}";
            mapping[key.Value] = ReadNode(childSchemaPath, ReadablePaths.Property(readablePath, key.Value));
        }

        return mapping;
    }

    private JArray ReadSequence(string schemaPath, string readablePath)
    {
        var sequence = new JArray();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            var index = sequence.Count;
            var childSchemaPath = schemaPath == "#" ? $"#/[{index}]" : $"{schemaPath}[{index}]";
            sequence.Add(ReadNode(childSchemaPath, ReadablePaths.Item(readablePath, index)));
        }

        return sequence;
    }

    private void Consume<TEvent>()
        where TEvent : ParsingEvent
    {
        var parsingEvent = _parser.Consume<TEvent>();
        _lastEnd = parsingEvent.End;
    }

    private static string Describe(YamlException exception)
    {
        var message = exception.Message;
        var colon = message.IndexOf("): ", StringComparison.Ordinal);
        return (colon >= 0 && message.StartsWith('(') ? message[(colon + 3)..] : message).Trim();
    }
}
