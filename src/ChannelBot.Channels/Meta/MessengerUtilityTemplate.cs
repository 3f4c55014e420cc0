namespace ChannelBot.Channels.Meta;

/// <summary>A Page's approved utility message template and the values it is filled with, in template order.</summary>
/// <param name="Name">The template's name in the Page's template library.</param>
/// <param name="Language">The template's language code as configured (<c>en</c>, <c>es</c>).</param>
/// <param name="Values">The body parameters, in the template's order (<c>{{1}}</c>, <c>{{2}}</c>...).</param>
public sealed record MessengerUtilityTemplate(string Name, string Language, IReadOnlyList<string> Values);
