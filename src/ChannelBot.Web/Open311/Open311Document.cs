namespace ChannelBot.Web.Open311;

/// <summary>
/// One Open311 answer as an ordered tree, written the same way to JSON and XML so both carry the same fields in the
/// same order: a <see cref="Open311List"/> of <see cref="Open311Item"/>s (or a single item, like discovery) whose
/// fields hold text, numbers, booleans, null or nested lists.
/// </summary>
internal sealed record Open311Document(string Root, object Body)
{
    /// <summary>A list answer: <c>[{...}]</c> in JSON, <c>&lt;root&gt;&lt;item&gt;...</c> in XML.</summary>
    public static Open311Document List(string root, string item, IEnumerable<Open311Item> items) => new(root, new Open311List(item, [.. items]));

    /// <summary>A single object: <c>{...}</c> in JSON, <c>&lt;root&gt;...</c> in XML.</summary>
    public static Open311Document Single(string root, Open311Item item) => new(root, item);
}

/// <summary>An object's fields, in the order the spec lists them.</summary>
internal sealed class Open311Item : List<KeyValuePair<string, object?>>
{
    public Open311Item Add(string name, object? value)
    {
        Add(new KeyValuePair<string, object?>(name, value));
        return this;
    }
}

/// <summary>A list: an array in JSON; in XML, one <see cref="ItemName"/> element per entry.</summary>
internal sealed record Open311List(string ItemName, IReadOnlyList<object> Items);
