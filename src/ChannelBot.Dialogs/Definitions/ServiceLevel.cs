namespace ChannelBot.Dialogs.Definitions;

/// <summary>The target time to resolve a case of a service type.</summary>
public sealed class ServiceLevel
{
    public required int Days { get; init; }

    public SlaDayType Type { get; init; } = SlaDayType.Business;
}
