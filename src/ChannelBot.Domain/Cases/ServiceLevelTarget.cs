namespace ChannelBot.Domain.Cases;

/// <summary>The time a service type promises to resolve a case in, e.g. 3 business days.</summary>
public sealed record ServiceLevelTarget(int Days, ServiceDayKind Kind);
