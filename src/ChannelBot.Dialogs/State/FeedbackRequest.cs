namespace ChannelBot.Dialogs.State;

/// <summary>
/// The city told the resident their report is fixed and asked "Is it fixed? 1 yes, 2 no": the next message
/// answers that, unless it is about something else.
/// </summary>
public sealed record FeedbackRequest(string Ticket, DateTimeOffset AskedAt);
