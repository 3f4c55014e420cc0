namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// A recognized date or time, in the same local time as the reference passed in. A point ("yesterday at 5pm",
/// "2 hours ago") has only <paramref name="Start"/>; a range ("this morning", "last week") has both; "since X" and
/// "after X" have only <paramref name="Start"/> = X; "before X" has only <paramref name="End"/> = X; a repeating time
/// ("every night") has neither. A whole day is its midnight. <paramref name="Timex"/> is the TIMEX3 expression
/// ("2026-03-11", "2026-03-12TMO", "P2D"), <paramref name="Text"/> the words it was read from.
/// </summary>
public sealed record DateTimeAnswer(DateTime? Start, DateTime? End, string Timex, string Text);
