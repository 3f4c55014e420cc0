using System.Text;

namespace ChannelBot.Dialogs.Runtime.Rendering;

/// <summary>Fills <c>{name}</c> placeholders of a bot text. Unknown placeholders are left as written.</summary>
public static class TextTemplate
{
    public static string Fill(string template, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        if (values.Count == 0 || template.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return template;
        }

        var builder = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            builder.Append(template, i, open - i);
            var name = template.AsSpan(open + 1, close - open - 1);
            var replaced = false;
            foreach (var pair in values)
            {
                if (name.Equals(pair.Key, StringComparison.Ordinal))
                {
                    builder.Append(pair.Value);
                    replaced = true;
                    break;
                }
            }

            if (!replaced)
            {
                builder.Append(template, open, close - open + 1);
            }

            i = close + 1;
        }

        return builder.ToString();
    }
}
