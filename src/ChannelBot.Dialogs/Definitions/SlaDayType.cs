namespace ChannelBot.Dialogs.Definitions;

/// <summary>Whether SLA days count weekends (calendar) or not (business).</summary>
public enum SlaDayType
{
    Business,
    Calendar,
}
