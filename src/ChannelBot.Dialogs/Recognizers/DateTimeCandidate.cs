namespace ChannelBot.Dialogs.Recognizers;

/// <summary>One reading of a date/time mention (the library offers a past and a future one for "Tuesday").</summary>
internal readonly record struct DateTimeCandidate(DateTime? Start, DateTime? End, string Timex)
{
    public DateTime? Anchor => Start ?? End;
}
