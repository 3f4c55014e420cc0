namespace ChannelBot.Dialogs.Loading;

/// <summary>Codes, keys and ids that must be unique within a list.</summary>
internal static class DuplicateValues
{
    /// <summary>Reports each repeated value (ignoring case) and returns the distinct ones.</summary>
    public static HashSet<string> Check(IEnumerable<string> values, string listPath, string field, string what, string file, DialogErrorCollector errors)
    {
        var firstIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var value in values)
        {
            if (firstIndex.TryGetValue(value, out var first))
            {
                errors.Add(file, $"{listPath}[{index}].{field}", $"the {what} '{value}' is already used by {listPath}[{first}]");
            }
            else
            {
                firstIndex[value] = index;
            }

            index++;
        }

        return new HashSet<string>(firstIndex.Keys, StringComparer.OrdinalIgnoreCase);
    }
}
