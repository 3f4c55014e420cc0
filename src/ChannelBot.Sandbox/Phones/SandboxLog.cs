using Microsoft.Extensions.Logging;

namespace ChannelBot.Sandbox.Phones;

/// <summary>The sandbox page's log events (ids 6100-6199, stable). Residents' numbers and PSIDs are masked; text is never logged.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Sandbox {Channel} phone {Resident} posted to the webhook: {Status}")]
    public static partial void Posted(ILogger logger, SandboxChannel channel, string resident, int status);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Sandbox {Channel} phone {Resident}: the webhook could not be reached: {Reason}")]
    public static partial void Unreachable(ILogger logger, SandboxChannel channel, string resident, string reason);
}
