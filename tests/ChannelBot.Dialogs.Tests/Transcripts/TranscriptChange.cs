namespace ChannelBot.Dialogs.Tests.Transcripts;

/// <summary>An edit of one dialog file, applied while the conversation is under way.</summary>
public sealed class TranscriptChange
{
    public string File { get; set; } = string.Empty;

    public string Replace { get; set; } = string.Empty;

    public string With { get; set; } = string.Empty;
}
