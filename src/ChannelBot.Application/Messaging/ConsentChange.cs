using ChannelBot.Schema;

namespace ChannelBot.Application.Messaging;

/// <summary>An opt-out (or opt-in) of one address on one channel.</summary>
/// <param name="OptedOut">True for an opt-out, false for an opt-in.</param>
/// <param name="Source">What caused it, for the record: <c>keyword:STOP</c>, <c>twilio:21610</c>, <c>revocation</c>…</param>
/// <param name="Confirmation">A message to send when the state changes (it is sent even to an opted-out address), or null.</param>
/// <param name="MessageId">
/// The provider's id of the resident's message that made the change (a STOP, a START), or null for a change with no
/// message behind it. A change whose message was already applied once is a redelivery and changes nothing: a START
/// redelivered after a later STOP must not undo it.
/// </param>
public sealed record ConsentChange(string ChannelId, string Address, bool OptedOut, string Source, DateTimeOffset At, Activity? Confirmation = null, string? MessageId = null);
