using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>A service type and how strongly a message points at it (evidence points, see <see cref="CategoryThresholds"/>).</summary>
public sealed record CategoryScore(ServiceDefinition Service, double Score);
