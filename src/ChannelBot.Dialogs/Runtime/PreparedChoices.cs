using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Runtime.Rendering;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>The choices of one question in one language: as shown (buttons or a numbered list) and as read.</summary>
internal sealed record PreparedChoices(IReadOnlyList<Choice> Shown, ChoiceSet Set)
{
    public static PreparedChoices From(IReadOnlyList<Choice> choices) =>
        new(choices, new ChoiceSet([.. choices.Select(c => new ChoiceOption(c.Key, c.Title, c.Synonyms))]));
}
