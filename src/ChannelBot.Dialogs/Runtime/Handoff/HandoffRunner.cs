using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.State;

namespace ChannelBot.Dialogs.Runtime.Handoff;

/// <summary>
/// Live handoff, the bot's side: a resident who asks for a person (or fails one question twice) during the city's
/// staffed hours is put in line for an operator and the bot goes quiet; outside those hours they are told the hours
/// and the bot carries on. While with a person, CANCEL brings the bot back; so does staff's "return to bot", which
/// resumes the interrupted question. The queue itself (who took it, the operator's replies) lives with staff.
/// </summary>
internal sealed class HandoffRunner(IntakeRunner intake)
{
    /// <summary>The resident asked for a person.</summary>
    public void Ask(Turn turn)
    {
        if (turn.State.Handoff is not null)
        {
            turn.Say(turn.T("handoff.already"));
            return;
        }

        var hours = turn.Definitions.City.StaffedHours;
        if (hours.Count == 0)
        {
            turn.Say(turn.T("agent"));
            RepromptOrOffer(turn);
        }
        else if (!TryJoin(turn, HandoffWait.Asked))
        {
            turn.Say(turn.T("handoff.closed", ("hours", StaffedHoursText.For(hours, turn.Culture))));
            RepromptOrOffer(turn);
        }
    }

    /// <summary>
    /// Puts the conversation in line when operators answer now; false (nothing said) outside staffed hours. The bot's
    /// message says why and how to come back to it.
    /// </summary>
    public static bool TryJoin(Turn turn, string reason)
    {
        var hours = turn.Definitions.City.StaffedHours;
        if (turn.State.Handoff is not null || hours.Count == 0 || !StaffedHours.IsOpen(hours, turn.Now, turn.Resources.CityTimeZone))
        {
            return false;
        }

        turn.State.Handoff = new HandoffWait { Since = turn.Now, Reason = reason };
        turn.Say(turn.T(reason == HandoffWait.Struggling ? "handoff.struggling" : "handoff.queued"));
        turn.Effect = new JoinHandoffQueue(reason, turn.Language);
        return true;
    }

    /// <summary>
    /// A message while the conversation is with a person: CANCEL leaves the line, another "agent" is told they are in
    /// it, anything else is for the operator (no bot reply). False when the conversation is with the bot.
    /// </summary>
    public bool WhileWithPerson(Turn turn)
    {
        if (turn.State.Handoff is null)
        {
            return false;
        }

        if (turn.Is(turn.Phrases.Cancel))
        {
            Leave(turn, "handoff.left");
        }
        else if (turn.Is(turn.Phrases.Agent))
        {
            turn.Say(turn.T("handoff.already"));
        }

        return true;
    }

    /// <summary>Staff handed the conversation back: the bot says so and asks the interrupted question again.</summary>
    public void Ended(Turn turn)
    {
        if (turn.State.Handoff is not null)
        {
            Leave(turn, "handoff.back");
        }
    }

    private void Leave(Turn turn, string key)
    {
        turn.State.Handoff = null;
        turn.Say(turn.T(key));
        RepromptOrOffer(turn);
        turn.Effect = new LeaveHandoffQueue();
    }

    private void RepromptOrOffer(Turn turn)
    {
        if (turn.State.Stack.Count > 0)
        {
            intake.Reprompt(turn);
        }
        else
        {
            intake.Offer(turn);
        }
    }
}
