namespace ChannelBot.Dialogs.State;

/// <summary>
/// The conversation is with a person, not the bot: the resident asked for one (or struggled with a question) during
/// staffed hours. The bot stays quiet (emergencies apart) until staff hand it back or the resident says CANCEL; the
/// report in progress waits on the stack and resumes at the interrupted question.
/// </summary>
public sealed class HandoffWait
{
    public const string Asked = "asked";

    public const string Struggling = "struggling";

    public DateTimeOffset Since { get; set; }

    /// <summary><see cref="Asked"/> or <see cref="Struggling"/>.</summary>
    public string Reason { get; set; } = Asked;
}
