using ChannelBot.Dialogs.Recognizers;
using ChannelBot.Dialogs.Runtime.Handoff;
using ChannelBot.Dialogs.State;

namespace ChannelBot.Dialogs.Runtime.Interrupts;

/// <summary>
/// What the resident can say at any step: switch language, help, cancel, start over, ask for a person (<see cref="HandoffRunner"/>), or ask
/// the status of a ticket. Each answers and then (except cancel and start over) asks the same question again.
/// The emergency screen runs before everything else (<see cref="Screen"/>).
/// </summary>
internal sealed class InterruptHandler
{
    private readonly IntakeRunner _intake;
    private readonly HandoffRunner _handoff;

    public InterruptHandler(IntakeRunner intake, HandoffRunner handoff)
    {
        _intake = intake;
        _handoff = handoff;
    }

    /// <summary>"Call 911 now" when the message describes an emergency. Files nothing; the intake can continue.</summary>
    public bool Screen(Turn turn)
    {
        // A request for a person, said as such ("hablar con una persona"), is not a description of anyone in danger.
        if (turn.Text.Length == 0 || turn.Is(turn.Phrases.Agent) || turn.Resources.Emergency.Detect(turn.Meaning) is null)
        {
            return false;
        }

        turn.Say(turn.T(StringKeys.Emergency));
        if (turn.State.Stack.Count > 0 && turn.State.Handoff is null)
        {
            turn.Say(turn.T("emergency.continue"));
            _intake.Reprompt(turn);
        }

        return true;
    }

    public bool TryHandle(Turn turn)
    {
        if (turn.Text.Length == 0)
        {
            return false;
        }

        foreach (var (language, words) in turn.Phrases.SwitchLanguage)
        {
            if (turn.Is(words))
            {
                turn.SwitchLanguage(language);
                turn.Say(turn.T("language.switched"));
                RepromptOrOffer(turn);
                return true;
            }
        }

        if (TicketNumberRecognizer.Find(turn.Text, turn.Definitions.City.TicketPrefix) is { } ticket)
        {
            LookUp(turn, ticket);
            return true;
        }

        if (turn.Is(turn.Phrases.Status))
        {
            if (turn.State.LastTicket is { } last)
            {
                LookUp(turn, last);
            }
            else
            {
                turn.State.Stack.Add(new DialogFrame { Dialog = DialogFrame.TicketLookupDialog, Step = "ticket" });
                turn.Ask(turn.T("status.askTicket"));
            }

            return true;
        }

        if (turn.Is(turn.Phrases.Help))
        {
            turn.Say(turn.T(StringKeys.Help));
            if (_intake.CurrentStepId(turn) is { } step && turn.Has(StringKeys.Step(step, "help")))
            {
                turn.Say(turn.T(StringKeys.Step(step, "help")));
            }

            RepromptOrOffer(turn);
            return true;
        }

        if (turn.Is(turn.Phrases.Cancel))
        {
            var hadSomething = turn.State.Stack.Count > 0;
            turn.State.Stack.Clear();
            turn.Say(turn.T(hadSomething ? StringKeys.Cancelled : "cancelled.nothing"));
            return true;
        }

        if (turn.Is(turn.Phrases.StartOver))
        {
            turn.State.Stack.Clear();
            turn.Say(turn.T("startOver"));
            _intake.Offer(turn);
            return true;
        }

        if (turn.Is(turn.Phrases.Agent))
        {
            _handoff.Ask(turn);
            return true;
        }

        return false;
    }

    private void LookUp(Turn turn, string ticket)
    {
        turn.State.Pending = PendingEffect.LookUpCase;
        turn.Effect = new LookUpCase(ticket);
    }

    private void RepromptOrOffer(Turn turn)
    {
        if (turn.State.Stack.Count > 0)
        {
            _intake.Reprompt(turn);
        }
        else
        {
            _intake.Offer(turn);
        }
    }
}
