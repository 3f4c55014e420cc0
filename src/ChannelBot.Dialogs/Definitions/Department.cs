namespace ChannelBot.Dialogs.Definitions;

/// <summary>A city department cases are routed to (Open311 <c>agency_responsible</c>).</summary>
public sealed class Department
{
    public required string Code { get; init; }

    public required LocalizedText Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }
}
