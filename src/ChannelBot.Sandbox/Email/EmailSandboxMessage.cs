namespace ChannelBot.Sandbox.Email;

/// <summary>One email the sandbox kept.</summary>
public sealed record EmailSandboxMessage(string To, string From, string Subject, string Body, DateTimeOffset At);
