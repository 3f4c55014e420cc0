namespace ChannelBot.Dialogs.Tests.Transcripts;

/// <summary>What must have happened by the end of the conversation.</summary>
public sealed class TranscriptExpectation
{
    /// <summary>The one case that must have been filed.</summary>
    public ExpectedCase? Case { get; set; }

    /// <summary>True when no case may have been filed.</summary>
    public bool NoCase { get; set; }

    /// <summary>The most messages the resident may have sent (texts, photos, pins; joins do not count).</summary>
    public int? MaxResidentMessages { get; set; }

    /// <summary>Ticket numbers the bot must have looked up.</summary>
    public List<string> Lookups { get; set; } = [];

    /// <summary>What happened to the resident's place in line for an operator, in order: <c>joined</c>, <c>left</c>.</summary>
    public List<string> Handoff { get; set; } = [];
}
