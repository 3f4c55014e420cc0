using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Loading;

/// <summary>The shape of <c>dialogs/channels.yaml</c>: <c>channels:</c> then one profile per channel id.</summary>
internal sealed class ChannelsFile
{
    public required Dictionary<string, ChannelProfile> Channels { get; init; }
}
