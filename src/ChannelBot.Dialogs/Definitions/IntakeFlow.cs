namespace ChannelBot.Dialogs.Definitions;

/// <summary>The order and options of the intake steps (<c>dialogs/intake.yaml</c>).</summary>
public sealed class IntakeFlow
{
    /// <summary>Invalid answers allowed at one step before the bot ends politely (an optional question is skipped instead).</summary>
    public int MaxAttempts { get; init; } = 3;

    public required IReadOnlyList<FlowStep> Steps { get; init; }
}
