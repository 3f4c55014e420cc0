namespace ChannelBot.Dialogs.Runtime;

/// <summary>The resident says a report marked fixed is not: reopen it with their words as a public note.</summary>
public sealed record ReopenCase(string Ticket, string Note) : DialogEffect
{
    /// <inheritdoc />
    public override bool WritesCase => true;
}
