namespace ChannelBot.Dialogs.State;

/// <summary>
/// The answer to one service question. <see cref="Values"/> holds list keys for list datatypes, or the one
/// canonical value otherwise (a number in invariant culture, an ISO-8601 date-time, the text);
/// <see cref="Display"/> is what the resident said or picked, for the read-back.
/// </summary>
public sealed record AttributeAnswer(List<string> Values, string Display);
