namespace ChannelBot.Dialogs.Tests.Transcripts;

/// <summary>One thing that happens, and what the bot must say in answer.</summary>
public sealed class TranscriptTurn
{
    /// <summary>The resident sends this text.</summary>
    public string? User { get; set; }

    /// <summary>The resident sends a photo at this URL (with <see cref="User"/> as its caption, if any).</summary>
    public string? Photo { get; set; }

    /// <summary>The resident shares a location pin: [latitude, longitude].</summary>
    public List<double>? Location { get; set; }

    /// <summary>
    /// The channel says someone joined (<c>join</c>): the bot greets; or staff hand the conversation back to the bot
    /// (<c>handoff-ended</c>, the event the console's "return to bot" puts in the inbox).
    /// </summary>
    public string? Event { get; set; }

    /// <summary>The dialog files change before this turn.</summary>
    public TranscriptChange? Change { get; set; }

    /// <summary>Time passes before this turn (e.g. "00:30:00").</summary>
    public TimeSpan? After { get; set; }

    /// <summary>The bot must not answer: the conversation is with an operator, who does.</summary>
    public bool Quiet { get; set; }

    /// <summary>Texts the bot's answer must contain (case-insensitive).</summary>
    public List<string> Bot { get; set; } = [];

    /// <summary>Texts the bot's answer must not contain.</summary>
    public List<string> NotBot { get; set; } = [];

    /// <summary>Titles of the buttons the bot must offer with its answer.</summary>
    public List<string> Buttons { get; set; } = [];
}
