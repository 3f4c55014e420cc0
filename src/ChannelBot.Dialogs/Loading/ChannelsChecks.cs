using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Loading;

/// <summary>A <c>default</c> profile exists and no channel id is written twice with different case.</summary>
internal static class ChannelsChecks
{
    public const string Default = "default";

    public static Dictionary<string, ChannelProfile> Run(ChannelsFile channels, string file, DialogErrorCollector errors)
    {
        var profiles = new Dictionary<string, ChannelProfile>(StringComparer.OrdinalIgnoreCase);
        foreach (var (channelId, profile) in channels.Channels)
        {
            if (!profiles.TryAdd(channelId, profile))
            {
                errors.Add(file, ReadablePaths.Property("channels", channelId), $"channel ids ignore case: '{channelId}' is written twice");
            }
        }

        if (!profiles.ContainsKey(Default))
        {
            errors.Add(file, "channels.default", "the profile used for any channel not listed is missing");
        }

        return profiles;
    }
}
