namespace ChannelBot.Dialogs.Definitions;

/// <summary>
/// What means "call 911 now", checked on every message before anything else: explicit <see cref="Phrases"/>
/// (fire, smoke, gas smell, wires down...) that match on word boundaries unless an <see cref="Except"/> phrase
/// covers the same words ("fire hydrant"), and <see cref="Examples"/> of emergencies and
/// <see cref="NotEmergencies"/> (negated, past or animal hazards) that the understanding model learns the meaning
/// from, so paraphrases no list anticipates are recognised too.
/// </summary>
public sealed class EmergencyScreen
{
    public required LocalizedList Phrases { get; init; }

    public LocalizedList Except { get; init; } = [];

    /// <summary>Messages that mean "call 911 now", per language, written as residents write them.</summary>
    public LocalizedList Examples { get; init; } = [];

    /// <summary>Messages that sound alarming but are not emergencies ("the wire is down but not sparking"), per language.</summary>
    public LocalizedList NotEmergencies { get; init; } = [];
}
