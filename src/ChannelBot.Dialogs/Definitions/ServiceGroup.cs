namespace ChannelBot.Dialogs.Definitions;

/// <summary>A broad heading of the catalog (Open311 <c>group</c>), e.g. "Streets and sidewalks".</summary>
public sealed class ServiceGroup
{
    public required string Key { get; init; }

    public required LocalizedText Name { get; init; }
}
