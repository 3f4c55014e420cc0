using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ChannelBot.Testing.Fuzz;

/// <summary>
/// Turns a valid JSON body into a hostile one, deterministically from a seeded <see cref="Random"/>: a value of the
/// wrong type, a 100 KB word, nesting thousands deep, invalid UTF-8, raw control characters, duplicate keys, a thousand
/// attachments, truncation, garbage, or nothing at all.
/// </summary>
public static class HostileJson
{
    private const int HugeWord = 100 * 1024;

    public static byte[] Mutate(JsonObject valid, Random random)
    {
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(random);
        var copy = (JsonObject)valid.DeepClone();
        switch (random.Next(14))
        {
            case 0:
                ReplaceRandomValue(copy, random, WrongType(random));
                return Utf8(copy);
            case 1:
                ReplaceRandomValue(copy, random, new string('w', HugeWord));
                return Utf8(copy);
            case 2:
                return Nested(random.Next(100, 20_000));
            case 3:
                return WithInvalidUtf8(Utf8(copy), random);
            case 4:
                return WithRawControlCharacters(copy.ToJsonString(), random);
            case 5:
                return DuplicateKeys(copy);
            case 6:
                copy["attachments"] = new JsonArray([.. Enumerable.Range(0, 1_000).Select(i => (JsonNode)new JsonObject
                {
                    ["contentType"] = "image/png",
                    ["contentUrl"] = $"http://127.0.0.1:9/{i}.png",
                })]);
                return Utf8(copy);
            case 7:
                var whole = Utf8(copy);
                return whole[..random.Next(whole.Length)];
            case 8:
                var garbage = new byte[random.Next(1, 4096)];
                random.NextBytes(garbage);
                return garbage;
            case 9:
                return Encoding.UTF8.GetBytes(random.Next(5) switch { 0 => string.Empty, 1 => "null", 2 => "[]", 3 => "123", _ => "\"text\"" });
            case 10:
                RemoveRandomKey(copy, random);
                return Utf8(copy);
            case 11:
                ReplaceRandomValue(copy, random, Weird(random));
                return Utf8(copy);
            case 12:
                copy["x-unknown-" + random.Next(1000).ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["deep"] = new JsonArray(1, "two", null, true) };
                return Utf8(copy);
            default:
                for (var i = 0; i < 3; i++)
                {
                    ReplaceRandomValue(copy, random, random.Next(2) == 0 ? WrongType(random) : Weird(random));
                }

                return Utf8(copy);
        }
    }

    /// <summary>A string a careless parser trips on.</summary>
    public static string Weird(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(12) switch
        {
            0 => new string('a', HugeWord),
            1 => "\u0000\u0001\u0002\u001f",
            2 => "\ud800",
            3 => "../../../../etc/passwd",
            4 => "'; DROP TABLE \"Cases\"; --",
            5 => "<script>alert(1)</script>",
            6 => "%00%ff%fe",
            7 => "-1",
            8 => "99999999999999999999999999999",
            9 => "NaN",
            10 => string.Concat(Enumerable.Repeat("🕳️", 5_000)),
            _ => "    ",
        };
    }

    private static JsonNode? WrongType(Random random) => random.Next(7) switch
    {
        0 => JsonValue.Create(random.Next()),
        1 => JsonValue.Create(random.NextDouble() * 1e308),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => null,
        4 => new JsonArray(1, 2, 3),
        5 => new JsonObject { ["a"] = new JsonObject { ["b"] = "c" } },
        _ => JsonValue.Create("not what you expected"),
    };

    private static void ReplaceRandomValue(JsonObject root, Random random, JsonNode? value)
    {
        var containers = new List<JsonNode> { root };
        Collect(root, containers);
        var target = containers[random.Next(containers.Count)];
        switch (target)
        {
            case JsonObject obj when obj.Count > 0:
                var key = obj.ElementAt(random.Next(obj.Count)).Key;
                obj[key] = value;
                break;
            case JsonArray array when array.Count > 0:
                array[random.Next(array.Count)] = value;
                break;
            default:
                root["text"] = value;
                break;
        }
    }

    private static void ReplaceRandomValue(JsonObject root, Random random, string value) => ReplaceRandomValue(root, random, JsonValue.Create(value));

    private static void RemoveRandomKey(JsonObject root, Random random)
    {
        var containers = new List<JsonNode> { root };
        Collect(root, containers);
        if (containers[random.Next(containers.Count)] is JsonObject { Count: > 0 } obj)
        {
            obj.Remove(obj.ElementAt(random.Next(obj.Count)).Key);
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> containers)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is JsonObject or JsonArray)
            {
                containers.Add(child);
                Collect(child, containers);
            }
        }
    }

    private static byte[] Nested(int depth)
    {
        var text = new StringBuilder(depth * 2 + 16);
        text.Append('{').Append("\"type\":\"message\",\"value\":");
        text.Append('[', depth).Append('1').Append(']', depth).Append('}');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] WithInvalidUtf8(byte[] json, Random random)
    {
        var at = random.Next(json.Length);
        byte[] bad = random.Next(3) switch { 0 => [0xFF], 1 => [0xC3, 0x28], _ => [0xED, 0xA0, 0x80] };
        return [.. json[..at], .. bad, .. json[at..]];
    }

    private static byte[] WithRawControlCharacters(string json, Random random)
    {
        var quote = json.IndexOf("\":\"", StringComparison.Ordinal);
        var at = quote < 0 ? random.Next(json.Length) : quote + 3;
        return Encoding.UTF8.GetBytes(json.Insert(at, "\u0000\u0007\u001b\n"));
    }

    private static byte[] DuplicateKeys(JsonObject json)
    {
        var text = json.ToJsonString();
        return Encoding.UTF8.GetBytes("{\"type\":\"event\",\"id\":\"dup\"," + text[1..]);
    }

    private static byte[] Utf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
