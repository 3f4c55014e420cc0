using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// What a description is about: <paramref name="Confident"/> when one service clearly stands out (possibly the
/// general request: "no listed service fits"), else up to three <paramref name="Suggestions"/>, best first, never
/// the general request (the resident gets "Something else" for that). Both empty: nothing in the message to go on
/// ("hello?").
/// </summary>
internal sealed record ServiceRecognition(ServiceDefinition? Confident, IReadOnlyList<ServiceDefinition> Suggestions)
{
    public static ServiceRecognition None { get; } = new(null, []);
}
