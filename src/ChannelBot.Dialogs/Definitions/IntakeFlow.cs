namespace ChannelBot.Dialogs.Definitions;

/// <summary>The order and options of the intake steps (<c>dialogs/intake.yaml</c>).</summary>
public sealed class IntakeFlow
{
    /// <summary>Invalid answers allowed at one step before the bot ends politely (an optional question is skipped instead).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>
    /// Invalid answers at one question after which, during staffed hours, the resident is put in line for a person
    /// (when fewer than <see cref="MaxAttempts"/>; 0: never).
    /// </summary>
    public int HandoffAfterAttempts { get; init; } = 2;

    public required IReadOnlyList<FlowStep> Steps { get; init; }
}
