using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// The keys of <c>dialogs/strings/{lang}.yaml</c> the engine uses. The loader refuses a language file that lacks
/// any of them (<see cref="RequiredFor"/>), so a missing translation is caught at start-up, not in front of a
/// resident. A step's texts are keyed by its id: <c>step.{id}.prompt</c>, <c>.retry</c>, optional <c>.help</c>.
/// </summary>
public static class StringKeys
{
    public const string Greeting = "greeting";
    public const string Help = "help";
    public const string Cancelled = "cancelled";
    public const string Emergency = "emergency";
    public const string AttemptsExhausted = "attempts.exhausted";
    public const string Submitted = "submitted";
    public const string QuestionSkipped = "attempts.skipped";
    public const string SetAside = "message.setAside";

    public static string Step(string stepId, string part) => $"step.{stepId}.{part}";

    /// <summary>Keys every language file needs whatever the flow.</summary>
    public static IReadOnlyList<string> Required { get; } =
    [
        Greeting, "greeting.short", Help, Cancelled, "cancelled.nothing", "startOver", "agent",
        "handoff.queued", "handoff.struggling", "handoff.closed", "handoff.already", "handoff.left", "handoff.back",
        "handoff.joined", "handoff.stillWaiting",
        Emergency, "emergency.continue", AttemptsExhausted, QuestionSkipped, Submitted, SetAside, "language.switched",
        "definitions.changed", "photo.kept",
        "choice.replyWithNumber", "choice.skip", "choice.yes", "choice.no", "choice.noUpdates", "prompt.skipHint",
        "status.askTicket", "status.askTicket.retry", "status.giveUp", "status.notFound", "status.public",
        "status.reporter", "status.note",
        "status.received", "status.acknowledged", "status.scheduled", "status.in_progress", "status.fixed",
        "status.closed", "status.reopened",
        "notify.acknowledged", "notify.scheduled", "notify.in_progress", "notify.fixed", "notify.fixed.noReply", "notify.closed",
        "notify.closed.duplicate", "notify.closed.referred", "notify.closed.no_action", "notify.reopened", "notify.note",
        "feedback.thanks", "feedback.reopened", "feedback.notReopened",
        "nearby.offer", "nearby.at", "nearby.follow", "nearby.new", "nearby.today", "nearby.yesterday", "nearby.daysAgo", "nearby.following",
        "step.attributes.multiHint",
        "step.attributes.retry.string", "step.attributes.retry.number", "step.attributes.retry.datetime",
        "step.attributes.retry.text", "step.attributes.retry.singlevaluelist", "step.attributes.retry.multivaluelist",
        "step.summary.label.category", "step.summary.label.location", "step.summary.label.description",
        "step.summary.label.photos", "step.summary.label.name", "step.summary.label.consent",
    ];

    /// <summary>The keys one flow step needs, by its kind.</summary>
    public static IEnumerable<string> ForStep(FlowStep step)
    {
        string[] parts = step.Kind switch
        {
            FlowStepKind.Category => ["prompt", "retry", "menu", "suggest", "somethingElse", "chosen", "general"],
            FlowStepKind.Location => ["prompt", "promptPin", "confirmHint", "retry", "confirmFound", "confirmNear", "nearCross", "choose", "noneOfThese", "whereOnStreet", "notFound", "notFoundPin", "outside", "outsideUnknown", "outsideAsk", "pinNear"],
            FlowStepKind.Attributes => [],
            FlowStepKind.Description => ["prompt", "promptMore", "retry"],
            FlowStepKind.Photos => ["prompt", "retry", "received"],
            FlowStepKind.Share => ["prompt", "retry"],
            FlowStepKind.Name => ["prompt", "retry"],
            FlowStepKind.Consent => ["prompt", "retry", "promptContact", "retryContact"],
            FlowStepKind.Summary => ["header", "prompt", "retry", "submit", "change", "changeSomething", "whichChange", "cancel", "pin", "updatesTo", "updatesHere", "updatesNo"],
            _ => [],
        };
        return parts.Select(part => Step(step.Id, part));
    }

    /// <summary>Every key a language file needs for this flow.</summary>
    public static IEnumerable<string> RequiredFor(IntakeFlow flow) =>
        Required.Concat(flow.Steps.SelectMany(ForStep)).Distinct(StringComparer.Ordinal);
}
