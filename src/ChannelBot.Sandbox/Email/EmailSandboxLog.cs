namespace ChannelBot.Sandbox.Email;

/// <summary>The email sandbox's log events (ids 6110-6119, stable). Addresses are masked; subjects and bodies are never logged.</summary>
internal static partial class EmailSandboxLog
{
    [LoggerMessage(EventId = 6110, Level = LogLevel.Information, Message = "Email kept by the sandbox for {To}")]
    public static partial void Kept(ILogger logger, string to);
}
