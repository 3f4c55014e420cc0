namespace ChannelBot.Dialogs.Definitions;

/// <summary>What a channel can show and do (<c>dialogs/channels.yaml</c>): drives how prompts are rendered.</summary>
public sealed class ChannelProfile
{
    /// <summary>Most suggested-action buttons (quick replies) per message; 0 renders choices as a numbered list.</summary>
    public int MaxButtons { get; init; }

    /// <summary>Longest button title; a longer choice turns the menu into a numbered list.</summary>
    public int MaxButtonTitle { get; init; } = 20;

    /// <summary>Use the strings' short SMS variants where present.</summary>
    public bool ShortText { get; init; }

    /// <summary>The city can message the resident here later (updates on the same channel).</summary>
    public bool ReachBack { get; init; }

    /// <summary>
    /// The city may write here only within 24 hours of the resident's last message (Messenger): after "yes" to
    /// updates, the resident is offered to leave a mobile number or an email for later ones.
    /// </summary>
    public bool FallbackContact { get; init; }

    /// <summary>The channel can send a location pin.</summary>
    public bool Location { get; init; }

    /// <summary>The channel can send photos.</summary>
    public bool Photos { get; init; } = true;
}
