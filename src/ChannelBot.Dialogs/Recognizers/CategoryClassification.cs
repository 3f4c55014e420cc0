using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// What a free-text message is about: <paramref name="Confident"/> when one service type clearly stands out
/// (it is then also the first suggestion), and up to three <paramref name="Suggestions"/>, best first, to offer
/// when it is not clear. No suggestions: the words point at nothing in the catalog.
/// </summary>
public sealed record CategoryClassification(ServiceDefinition? Confident, IReadOnlyList<CategoryScore> Suggestions)
{
    public static CategoryClassification None { get; } = new(null, []);
}
