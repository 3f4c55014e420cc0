namespace ChannelBot.Dialogs.Definitions;

/// <summary>Whether the intake asks for photos for a service type.</summary>
public enum PhotoPolicy
{
    Optional,
    Required,
    Off,
}
