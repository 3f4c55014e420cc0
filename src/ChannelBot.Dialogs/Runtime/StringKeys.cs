namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// The keys of <c>dialogs/strings/{lang}.yaml</c> the engine uses. The loader refuses a language file that lacks
/// any of them, so a missing translation is caught at start-up, not in front of a resident.
/// Step texts follow the pattern <c>step.{id}.prompt</c> / <c>.retry</c> / <c>.help</c> (see <see cref="Step"/>).
/// </summary>
public static class StringKeys
{
    public const string Greeting = "greeting";
    public const string Help = "help";
    public const string Cancelled = "cancelled";
    public const string Emergency = "emergency";
    public const string AttemptsExhausted = "attempts.exhausted";
    public const string Submitted = "submitted";

    public static string Step(string stepId, string part) => $"step.{stepId}.{part}";

    /// <summary>Every key that must exist in every language file (grows with the engine).</summary>
    public static IReadOnlyList<string> Required { get; } =
    [
        Greeting,
        Help,
        Cancelled,
        Emergency,
        AttemptsExhausted,
        Submitted,
    ];
}
