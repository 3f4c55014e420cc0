using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Runtime.Handoff;
using ChannelBot.Dialogs.Runtime.Interrupts;
using ChannelBot.Dialogs.State;
using ChannelBot.Geo;
using ChannelBot.Schema;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// The dialog engine: a pure function of (dialog files, conversation state, inbound activity, clock) to
/// (replies, new state, at most one effect). No IO; the only clock is the <see cref="TimeProvider"/> given.
/// Thread-safe: one engine serves every conversation; build a new one when the dialog files change.
/// </summary>
/// <remarks>
/// The state passed in is updated and handed back in <see cref="TurnResult.State"/>: give each call its own
/// copy (the turn pipeline reads a fresh one from the database for every turn).
/// </remarks>
public sealed partial class DialogEngine
{
    private readonly EngineResources _resources;
    private readonly TimeProvider _clock;
    private readonly IntakeRunner _intake = new();
    private readonly InterruptHandler _interrupts;
    private readonly HandoffRunner _handoff;

    /// <param name="geography">The city's map, for places typed and pins; none: places are kept as typed.</param>
    public DialogEngine(DialogDefinitions definitions, TimeProvider clock, CityGeography? geography = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _resources = new EngineResources(definitions, CityTimeZoneLookup.Of(definitions.City), geography ?? CityGeography.Empty);
        _handoff = new HandoffRunner(_intake);
        _interrupts = new InterruptHandler(_intake, _handoff);
    }

    public DialogDefinitions Definitions => _resources.Definitions;

    /// <summary>The city's map this engine resolves places against.</summary>
    public CityGeography Geography => _resources.Geography;

    /// <summary>The city's time zone (from <c>city.yaml</c>): service-level due dates and "today" are reckoned in it.</summary>
    public TimeZoneInfo CityTimeZone => _resources.CityTimeZone;

    /// <summary>Runs the turn for one inbound activity.</summary>
    public TurnResult OnActivity(ConversationState state, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(activity);
        var turn = new Turn(_resources, state, activity, _clock.GetUtcNow());
        state.Pending = null;
        if (activity.IsType(ActivityTypes.ConversationUpdate) || IsJoinEvent(activity))
        {
            if (!state.Greeted && SomeoneJoined(activity))
            {
                Greet(turn);
            }

            return Finish(turn);
        }

        if (activity.IsType(ActivityTypes.EndOfConversation))
        {
            // The channel ended the conversation (a resident's STOP, a closed chat): the report in progress and any
            // open question are dropped, so the next message starts afresh. Language and the last ticket stay.
            state.Stack.Clear();
            state.Feedback = null;
            return Finish(turn);
        }

        if (activity.IsType(ActivityTypes.DeleteUserData))
        {
            // The resident asked the channel to delete their data (the Emulator's "delete user data", a channel's
            // privacy request): the conversation forgets them, report in progress, language and last ticket included.
            state.Forget();
            return Finish(turn);
        }

        if (activity.IsType(ActivityTypes.Event) && activity.Name == HandoffEvents.Ended)
        {
            _handoff.Ended(turn);
            return Finish(turn);
        }

        if (!activity.IsType(ActivityTypes.Message))
        {
            return Finish(turn);
        }

        state.LastInboundAt = turn.Now;

        // The dialog files changed since the last turn: first bring the answers in line (silently), so that
        // whatever this message does next works on answers that fit the files now in force.
        var resume = state.DefinitionsVersion is { } version && version != Definitions.Version
            && state.Intake is { } changed && _intake.Revalidate(turn, changed);
        if (_interrupts.Screen(turn))
        {
            return Finish(turn);
        }

        if (_handoff.WhileWithPerson(turn))
        {
            return Finish(turn);
        }

        if (_interrupts.TryHandle(turn))
        {
            return Finish(turn);
        }

        if (TryAnswerFeedback(turn))
        {
            return Finish(turn);
        }

        if (resume && state.Top is { Dialog: DialogFrame.IntakeDialog } intakeFrame)
        {
            _intake.ResumeAfterChange(turn, intakeFrame);
            return Finish(turn);
        }

        if (state.Top is { Dialog: DialogFrame.TicketLookupDialog } lookup)
        {
            AskTicketAgain(turn, lookup);
        }
        else if (state.Intake is { } frame)
        {
            _intake.Continue(turn, frame);
        }
        else
        {
            if (!state.Greeted)
            {
                turn.Say(turn.T("greeting.short"));
                state.Greeted = true;
            }

            _intake.StartWith(turn);
        }

        return Finish(turn);
    }

    /// <summary>
    /// The answer to "Is it fixed?": yes thanks the resident, no reopens the report with their words. Anything
    /// else (a new report, a question) drops the question and goes on as usual. A question older than
    /// <see cref="FeedbackWindow"/> is no longer waiting for an answer.
    /// </summary>
    private static bool TryAnswerFeedback(Turn turn)
    {
        if (turn.State.Feedback is not { } feedback || turn.State.Intake is not null)
        {
            return false;
        }

        turn.State.Feedback = null;
        if (turn.Now - feedback.AskedAt > FeedbackWindow)
        {
            return false;
        }

        switch (turn.YesOrNo() ?? LeadingOneOrTwo(turn.NormalizedText))
        {
            case true:
                turn.Say(turn.T("feedback.thanks", ("ticket", feedback.Ticket)));
                return true;
            case false:
                turn.State.Pending = PendingEffect.ReopenCase;
                turn.Effect = new ReopenCase(feedback.Ticket, turn.Text);
                return true;
            default:
                return false;
        }
    }

    /// <summary>"2 - the hole is still there": the option number the question offered, followed by the resident's words.</summary>
    private static bool? LeadingOneOrTwo(string normalized) =>
        normalized.StartsWith("1 ", StringComparison.Ordinal) ? true
        : normalized.StartsWith("2 ", StringComparison.Ordinal) ? false
        : null;

    /// <summary>How long "Is it fixed?" waits for its answer.</summary>
    public static TimeSpan FeedbackWindow { get; } = TimeSpan.FromDays(7);

    private void Greet(Turn turn)
    {
        turn.State.Greeted = true;
        turn.Say(turn.T(StringKeys.Greeting));
        _intake.Offer(turn);
    }

    private void AskTicketAgain(Turn turn, DialogFrame lookup)
    {
        lookup.Attempts++;
        if (lookup.Attempts >= Definitions.Intake.MaxAttempts)
        {
            turn.State.Stack.Remove(lookup);
            turn.Say(turn.T("status.giveUp"));
            _intake.Reprompt(turn);
            return;
        }

        turn.Ask(turn.T("status.askTicket.retry"));
    }

    private TurnResult Finish(Turn turn)
    {
        turn.State.DefinitionsVersion = Definitions.Version;
        return turn.Finish();
    }

    private static bool SomeoneJoined(Activity activity) =>
        activity.IsType(ActivityTypes.Event)
        || activity.MembersAdded?.Any(m => m.Id is not null && m.Id != activity.Recipient?.Id) == true;

    private static bool IsJoinEvent(Activity activity) =>
        activity.IsType(ActivityTypes.Event) && string.Equals(activity.Name, "webchat/join", StringComparison.Ordinal);
}
