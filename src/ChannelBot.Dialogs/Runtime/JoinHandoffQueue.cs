namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// Put the conversation in line for a 311 operator (staff see it in the console's live chats). Written with the turn,
/// so a conversation is in line exactly when its state says it is with a person.
/// </summary>
/// <param name="Reason"><see cref="State.HandoffWait.Asked"/> or <see cref="State.HandoffWait.Struggling"/>.</param>
/// <param name="Language">The conversation's language, for the operator.</param>
public sealed record JoinHandoffQueue(string Reason, string Language) : DialogEffect
{
    public override bool WritesCase => true;
}
