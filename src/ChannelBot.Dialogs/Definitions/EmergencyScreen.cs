namespace ChannelBot.Dialogs.Definitions;

/// <summary>
/// Phrases that mean "call 911 now" (fire, smoke, gas smell, wires down...). Checked on every message before
/// anything else; a phrase matches on word boundaries anywhere in the message unless an <see cref="Except"/>
/// phrase covers the same words ("fire hydrant").
/// </summary>
public sealed class EmergencyScreen
{
    public required LocalizedList Phrases { get; init; }

    public LocalizedList Except { get; init; } = [];
}
