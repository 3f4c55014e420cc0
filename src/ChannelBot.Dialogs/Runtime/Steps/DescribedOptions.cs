using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// The options of a list question a description already names ("big pothole in front of 120 Main St, right lane"
/// names the traffic lane): each option's name and synonyms, in every language, searched on word boundaries
/// (plurals folded). A mention inside a longer one of another option does not count ("bike lane" is not "lane").
/// A single-choice question is answered only when exactly one option is named.
/// </summary>
internal static class DescribedOptions
{
    public static List<AttributeValue> Find(string description, ServiceAttribute attribute)
    {
        var words = TextNormalizer.Words(description);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = WordForms.Stem(words[i]);
        }

        var mentions = new List<(int Option, int Start, int Length)>();
        for (var option = 0; option < attribute.Values.Count; option++)
        {
            var value = attribute.Values[option];
            foreach (var phrase in value.Name.Values.Concat(value.Synonyms.All))
            {
                if (WordSequence.From(phrase) is not { } sequence)
                {
                    continue;
                }

                for (var start = 0; start + sequence.Words.Length <= words.Length; start++)
                {
                    if (sequence.OccursAt(words, start))
                    {
                        mentions.Add((option, start, sequence.Words.Length));
                    }
                }
            }
        }

        var kept = mentions.Where(m => !mentions.Any(other =>
            other.Option != m.Option && other.Length > m.Length
            && other.Start <= m.Start && other.Start + other.Length >= m.Start + m.Length));
        var options = kept.Select(m => m.Option).Distinct().Order().ToList();
        if (attribute.Datatype == AttributeDatatype.Singlevaluelist && options.Count != 1)
        {
            return [];
        }

        return [.. options.Select(i => attribute.Values[i])];
    }
}
