namespace ChannelBot.Dialogs.Runtime;

/// <summary>One answered service question as it goes onto the case (Open311 <c>attribute[Code]</c>).</summary>
public sealed record SubmittedAttribute(string Code, IReadOnlyList<string> Values, string Display);
