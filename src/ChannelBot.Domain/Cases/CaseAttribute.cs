namespace ChannelBot.Domain.Cases;

/// <summary>One answered service question (Open311 <c>attribute[Code]</c>); a multi-value list has several values.</summary>
/// <param name="Code">The attribute code from the service definition.</param>
/// <param name="Values">The keys sent to Open311 (one, or several for a multivaluelist).</param>
/// <param name="DisplayText">The answer as staff should read it (labels rather than keys), when it differs.</param>
public sealed record CaseAttribute(string Code, IReadOnlyList<string> Values, string? DisplayText);
