namespace ChannelBot.Dialogs.Tests.Transcripts;

/// <summary>
/// A conversation written as data (<c>*.transcript.yaml</c>): what the resident sends, what the bot must and must
/// not say, and what case must (or must not) result. Readable by 311 staff; see README.md in this folder.
/// </summary>
public sealed class Transcript
{
    public string Title { get; set; } = string.Empty;

    /// <summary>The channel id the conversation happens on (sms, whatsapp, facebook, directline, emulator...).</summary>
    public string Channel { get; set; } = "emulator";

    /// <summary>The locale the channel stamps on each message, if any.</summary>
    public string? Locale { get; set; }

    /// <summary>The city clock at the start (ISO-8601 with offset).</summary>
    public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(-5));

    /// <summary>"springfield": places are resolved on the sample city's map (geo/springfield); unset: kept as typed.</summary>
    public string? Map { get; set; }

    public List<TranscriptTurn> Turns { get; set; } = [];

    public TranscriptExpectation Expect { get; set; } = new();

    /// <summary>Cases that already exist, for status look-ups.</summary>
    public List<KnownCase> Cases { get; set; } = [];

    public override string ToString() => Title;
}
