namespace ChannelBot.Dialogs.Runtime;

/// <summary>The resident is back with the bot (they said CANCEL, or staff handed them back): their place in line is closed.</summary>
public sealed record LeaveHandoffQueue : DialogEffect
{
    public override bool WritesCase => true;
}
