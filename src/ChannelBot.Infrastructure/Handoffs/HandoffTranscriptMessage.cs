namespace ChannelBot.Infrastructure.Handoffs;

/// <summary>One message of a conversation in line for an operator, oldest first in the transcript.</summary>
/// <param name="Direction"><c>resident</c>, <c>bot</c> or <c>operator</c>.</param>
/// <param name="Author">The operator's name for an operator's message.</param>
/// <param name="Status">For the city's messages: pending, sent or failed (a failed one did not reach the resident).</param>
/// <param name="Photos">How many photos or files the resident sent with it.</param>
public sealed record HandoffTranscriptMessage(string Id, string Direction, string? Text, DateTimeOffset At, string? Author, string? Status, int Photos);
