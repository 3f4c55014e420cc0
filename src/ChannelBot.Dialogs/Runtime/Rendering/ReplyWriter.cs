using System.Text;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Schema;

namespace ChannelBot.Dialogs.Runtime.Rendering;

/// <summary>
/// Collects what the bot says during one turn and turns it into reply activities. Statements and the prompt
/// that follows them go out as one message (fewer SMS segments, one bubble); choices become suggested actions
/// where the channel shows buttons, or a numbered list where it does not.
/// </summary>
internal sealed class ReplyWriter
{
    private readonly List<Activity> _replies = [];
    private readonly StringBuilder _text = new();
    private readonly Activity _inbound;
    private readonly ChannelProfile _profile;
    private readonly string _locale;
    private readonly Func<string, string> _numberHint;

    public ReplyWriter(Activity inbound, ChannelProfile profile, string locale, Func<string, string> numberHint)
    {
        _inbound = inbound;
        _profile = profile;
        _locale = locale;
        _numberHint = numberHint;
    }

    public IReadOnlyList<Activity> Replies => _replies;

    /// <summary>Takes over replies written before the turn switched language.</summary>
    public void Adopt(IReadOnlyList<Activity> earlier) => _replies.AddRange(earlier);

    /// <summary>Adds a paragraph to the message being written.</summary>
    public void Say(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (_text.Length > 0)
        {
            _text.Append("\n\n");
        }

        _text.Append(text.Trim());
    }

    /// <summary>Ends the message being written, without expecting an answer.</summary>
    public void Flush(string inputHint = InputHints.AcceptingInput)
    {
        if (_text.Length == 0)
        {
            return;
        }

        _replies.Add(Build(_text.ToString(), inputHint, null));
        _text.Clear();
    }

    /// <summary>Adds the question and ends the message, with its choices rendered for the channel.</summary>
    public void Ask(string question, IReadOnlyList<Choice>? choices = null)
    {
        Say(question);
        SuggestedActions? actions = null;
        if (choices is { Count: > 0 })
        {
            if (FitsAsButtons(choices))
            {
                actions = new SuggestedActions
                {
                    To = _inbound.From?.Id is { } userId ? [userId] : null,
                    Actions = choices.Select(c => new CardAction(ActionTypes.ImBack, c.Title, c.Title)).ToList(),
                };
            }
            else
            {
                AppendNumberedList(choices);
            }
        }

        _replies.Add(Build(_text.ToString(), InputHints.ExpectingInput, actions));
        _text.Clear();
    }

    private bool FitsAsButtons(IReadOnlyList<Choice> choices)
    {
        if (choices.Count > _profile.MaxButtons)
        {
            return false;
        }

        foreach (var choice in choices)
        {
            if (choice.Title.Length > _profile.MaxButtonTitle)
            {
                return false;
            }
        }

        return true;
    }

    private void AppendNumberedList(IReadOnlyList<Choice> choices)
    {
        // By SMS, where every character is paid for, the list is not set off by blank lines.
        var gap = _profile.ShortText ? "\n" : "\n\n";
        _text.Append(gap[..^1]);
        for (var i = 0; i < choices.Count; i++)
        {
            _text.Append('\n').Append(i + 1).Append(". ").Append(choices[i].Title);
        }

        var hint = _numberHint(choices.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (hint.Length > 0)
        {
            _text.Append(gap).Append(hint);
        }
    }

    private Activity Build(string text, string inputHint, SuggestedActions? actions)
    {
        var reply = _inbound.CreateReply(text);
        reply.Locale = _locale;
        reply.TextFormat = TextFormats.Plain;
        reply.InputHint = inputHint;
        reply.SuggestedActions = actions;
        return reply;
    }
}
