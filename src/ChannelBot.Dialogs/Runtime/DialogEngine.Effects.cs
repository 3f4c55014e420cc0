using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Runtime.Handoff;
using ChannelBot.Dialogs.Runtime.Interrupts;
using ChannelBot.Dialogs.State;
using ChannelBot.Geo;
using ChannelBot.Schema;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>The engine's answers to what the caller did for it: a message set aside, a case filed, nearby cases found, a case looked up or reopened.</summary>
public sealed partial class DialogEngine
{
    /// <summary>
    /// The answer to a message the bot could not process (it failed or ran over its time budget too often and was
    /// set aside for staff): an apology in the conversation's language that points to the phone, without reading the
    /// message again. The conversation's state is left as it was, so the resident can go on where they were.
    /// </summary>
    public TurnResult OnSetAside(ConversationState state, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(activity);
        var turn = new Turn(_resources, state, new Activity
        {
            Type = ActivityTypes.Message,
            Id = activity.Id,
            ChannelId = activity.ChannelId,
            ServiceUrl = activity.ServiceUrl,
            Conversation = activity.Conversation,
            From = activity.From,
            Recipient = activity.Recipient,
            Locale = activity.Locale,
        }, _clock.GetUtcNow());
        turn.Say(turn.T(StringKeys.SetAside));
        return turn.Finish();
    }

    /// <summary>Tells the resident the ticket number of the case created for <see cref="SubmitCase"/>.</summary>
    public TurnResult OnCaseSubmitted(ConversationState state, Activity activity, CaseReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(receipt);
        var turn = new Turn(_resources, state, activity, _clock.GetUtcNow());
        var service = Definitions.Catalog.Find(state.Intake?.Draft?.ServiceCode);
        if (state.Intake?.Draft?.Following is { } followed)
        {
            turn.Say(turn.T("nearby.following", ("ticket", followed), ("own", receipt.Ticket)));
            state.LastTicket = followed;
            state.Stack.Clear();
            state.Pending = null;
            return Finish(turn);
        }

        turn.Say(turn.T(
            StringKeys.Submitted,
            ("ticket", receipt.Ticket),
            ("service", service is null ? string.Empty : turn.Localized(service.Name)),
            ("notice", service is null ? string.Empty : turn.Localized(service.Notice))));
        state.LastTicket = receipt.Ticket;
        state.Stack.Clear();
        state.Pending = null;
        return Finish(turn);
    }

    /// <summary>Offers the nearest open case <see cref="FindNearbyCases"/> found, or asks the next question.</summary>
    public TurnResult OnNearbyCasesFound(ConversationState state, Activity activity, IReadOnlyList<NearbyCase> found)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(found);
        var turn = new Turn(_resources, state, activity, _clock.GetUtcNow());
        state.Pending = null;
        _intake.ResumeAfterNearby(turn, found);
        return Finish(turn);
    }

    /// <summary>Answers a status question with what <see cref="LookUpCase"/> found, then asks the open question again.</summary>
    public TurnResult OnCaseLookedUp(ConversationState state, Activity activity, CaseLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(lookup);
        var turn = new Turn(_resources, state, activity, _clock.GetUtcNow());
        state.Pending = null;
        if (state.Top is { Dialog: DialogFrame.TicketLookupDialog })
        {
            state.Stack.RemoveAt(state.Stack.Count - 1);
        }

        turn.Say(StatusText.For(turn, lookup));
        _intake.Reprompt(turn);
        return Finish(turn);
    }

    /// <summary>Tells the resident whether their "it is not fixed" reopened the report.</summary>
    public TurnResult OnCaseReopened(ConversationState state, Activity activity, CaseReopening reopening)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(reopening);
        var turn = new Turn(_resources, state, activity, _clock.GetUtcNow());
        state.Pending = null;
        turn.Say(turn.T(reopening.Reopened ? "feedback.reopened" : "feedback.notReopened", ("ticket", reopening.Ticket)));
        return Finish(turn);
    }
}
