using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Loading;

/// <summary>Step ids are unique and each kind of step appears at most once.</summary>
internal static class IntakeChecks
{
    public static void Run(IntakeFlow intake, string file, DialogErrorCollector errors)
    {
        DuplicateValues.Check(intake.Steps.Select(step => step.Id), "steps", "id", "step id", file, errors);
        DuplicateValues.Check(intake.Steps.Select(step => step.Kind.ToString().ToLowerInvariant()), "steps", "kind", "step kind", file, errors);
    }
}
