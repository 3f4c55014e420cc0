namespace ChannelBot.Dialogs.Definitions;

/// <summary>
/// One step of the intake. Its text comes from the strings under <c>step.{id}.*</c> (prompt, retry, help).
/// </summary>
public sealed class FlowStep
{
    public required string Id { get; init; }

    public required FlowStepKind Kind { get; init; }

    /// <summary>False lets the resident skip the step ("skip").</summary>
    public bool Required { get; init; } = true;

    /// <summary>Overrides <see cref="IntakeFlow.MaxAttempts"/> for this step.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Longest text accepted (description, name).</summary>
    public int? MaxLength { get; init; }

    /// <summary>
    /// For an optional step: ask it on channels that count every message (SMS) too. Left false, an optional step is
    /// not asked there: each question is a paid message and one more for the resident to answer.
    /// </summary>
    public bool AskBySms { get; init; }

    /// <summary>Most photos kept (photos step).</summary>
    public int? MaxPhotos { get; init; }
}
